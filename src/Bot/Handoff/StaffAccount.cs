namespace LibraryBot.Bot.Handoff;

/// <summary>A staff member as stored (the password only as a PBKDF2 hash). A disabled account cannot sign in.</summary>
public sealed record StaffAccount(string Username, string DisplayName, string Role, string PasswordHash, bool Available, bool Disabled = false)
{
    /// <summary>Librarians and admins answer patrons (outreach staff do not).</summary>
    public bool AnswersPatrons => Role != StaffRole.Outreach;
}
