namespace LibraryBot.Bot.Handoff;

/// <summary><c>Handoff:*</c>: staffed hours, the first admin account, transcript retention, sign-in and staff tokens.</summary>
public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    public StaffedHoursOptions StaffedHours { get; set; } = new();

    public AdminOptions Admin { get; set; } = new();

    /// <summary>Transcripts older than this are deleted by the sweep.</summary>
    public int TranscriptRetentionDays { get; set; } = 90;

    /// <summary>Titles and PIN-like numbers are masked in transcripts older than this.</summary>
    public int TranscriptMaskAfterDays { get; set; } = 14;

    public int SweepIntervalMinutes { get; set; } = 60;

    /// <summary>Lifetime of a staff bearer token and of the console's sign-in cookie.</summary>
    public int SignInHours { get; set; } = 10;

    /// <summary>A librarian or admin who signs in during staffed hours is set to available (patrons are not told "all busy").</summary>
    public bool AvailableOnSignIn { get; set; } = true;

    public SignInThrottleOptions SignInThrottle { get; set; } = new();
}
