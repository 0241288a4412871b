namespace LibraryBot.Bot.Handoff;

/// <summary>Staff roles, as stored and as claimed in sign-ins.</summary>
public static class StaffRole
{
    /// <summary>Answers patrons: queue, transcripts, replies.</summary>
    public const string Librarian = "librarian";

    /// <summary>Marketing and outreach: sees the queue, never transcripts.</summary>
    public const string Outreach = "outreach";

    /// <summary>Everything a librarian can do, plus accounts.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Librarian, Outreach, Admin];

    /// <summary>The authorization policy for reading and answering conversations.</summary>
    public const string AnswerPolicy = "staff.answer";

    /// <summary>The authorization policy for managing accounts.</summary>
    public const string AdminPolicy = "staff.admin";

    /// <summary>The authorization policy for outreach work (news sign-up, broadcasts): outreach and admins.</summary>
    public const string OutreachPolicy = "staff.outreach";

    /// <summary>The authorization policy for any signed-in staff member.</summary>
    public const string AnyPolicy = "staff.any";
}
