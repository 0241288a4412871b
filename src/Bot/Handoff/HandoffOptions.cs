using FluentValidation;

namespace LibraryBot.Bot.Handoff;

/// <summary><c>Handoff:*</c>: staffed hours, the first admin account, transcript retention and staff tokens.</summary>
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
}

/// <summary>
/// <c>Handoff:StaffedHours</c>: <c>Weekly</c> like <c>"Mon-Fri 09:00-17:00; Sat 10:00-13:00"</c> in <c>TimeZone</c>
/// (IANA id), and <c>Holidays</c> like <c>"2026-12-25, 2027-01-01"</c> (no staff all day).
/// </summary>
public sealed class StaffedHoursOptions
{
    public string TimeZone { get; set; } = "UTC";

    public string Weekly { get; set; } = "Mon-Fri 09:00-17:00";

    public string Holidays { get; set; } = string.Empty;
}

/// <summary><c>Handoff:Admin</c>: created at start when no account of that name exists (set the password outside appsettings.json).</summary>
public sealed class AdminOptions
{
    public string? Username { get; set; }

    public string? Password { get; set; }
}

public sealed class HandoffOptionsValidator : AbstractValidator<HandoffOptions>
{
    public HandoffOptionsValidator()
    {
        RuleFor(o => o.StaffedHours).Custom((hours, context) =>
        {
            if (!StaffedHours.TryParse(hours, out _, out var error))
            {
                context.AddFailure("StaffedHours", error!);
            }
        });
        RuleFor(o => o.TranscriptRetentionDays).InclusiveBetween(1, 3650).WithMessage("must be between 1 and 3650");
        RuleFor(o => o.TranscriptMaskAfterDays).GreaterThan(0).WithMessage("must be more than 0")
            .LessThanOrEqualTo(o => o.TranscriptRetentionDays).WithMessage("must not exceed TranscriptRetentionDays");
        RuleFor(o => o.SweepIntervalMinutes).InclusiveBetween(1, 1440).WithMessage("must be between 1 and 1440");
        RuleFor(o => o.SignInHours).InclusiveBetween(1, 168).WithMessage("must be between 1 and 168");
        RuleFor(o => o.Admin.Password).NotEmpty().When(o => !string.IsNullOrEmpty(o.Admin.Username))
            .WithMessage("must be set when Handoff:Admin:Username is set");
        RuleFor(o => o.Admin.Password).MinimumLength(10).When(o => !string.IsNullOrEmpty(o.Admin.Password))
            .WithMessage("must be at least 10 characters");
    }
}
