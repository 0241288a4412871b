using System.Globalization;
using FluentValidation;

namespace LibraryBot.Bot.Notices;

/// <summary><c>Notices:*</c>: when the bot tells patrons about their holds and loans, and how often at most.</summary>
public sealed class NoticeOptions
{
    public const string SectionName = "Notices";

    /// <summary>Whether notice runs happen on their own (runs on demand from the console work either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between scheduled runs.</summary>
    public int IntervalMinutes { get; set; } = 15;

    /// <summary>A "due soon" notice this many days before a loan is due.</summary>
    public int DueSoonDays { get; set; } = 3;

    /// <summary>Overdue notices this many days after the due date, comma-separated ("1,7").</summary>
    public string OverdueDays { get; set; } = "1,7";

    /// <summary>A "hold expiring" notice this many days before the pickup-by date.</summary>
    public int HoldExpiringDays { get; set; } = 1;

    /// <summary>Library-time hours when nothing is sent ("21:00-08:00"); notices wait until they end. Empty: none.</summary>
    public string QuietHours { get; set; } = "21:00-08:00";

    /// <summary>At most this many notice messages to one patron's chat per library day.</summary>
    public int DailyCap { get; set; } = 3;

    public IReadOnlyList<int> OverdueStages() =>
        OverdueDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, CultureInfo.InvariantCulture)).Distinct().Order().ToList();

    /// <summary>The quiet hours, or null when there are none.</summary>
    public QuietHours? Quiet() => Notices.QuietHours.Parse(QuietHours, "Notices:QuietHours");
}

public sealed class NoticeOptionsValidator : AbstractValidator<NoticeOptions>
{
    public NoticeOptionsValidator()
    {
        RuleFor(o => o.IntervalMinutes).InclusiveBetween(1, 24 * 60).WithMessage("must be between 1 and 1440");
        RuleFor(o => o.DueSoonDays).InclusiveBetween(1, 30).WithMessage("must be between 1 and 30");
        RuleFor(o => o.HoldExpiringDays).InclusiveBetween(1, 30).WithMessage("must be between 1 and 30");
        RuleFor(o => o.DailyCap).InclusiveBetween(1, 50).WithMessage("must be between 1 and 50");
        RuleFor(o => o.OverdueDays)
            .Must(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } days
                && days.All(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 365))
            .WithMessage("must be whole days after the due date, comma-separated, e.g. 1,7");
        RuleFor(o => o.QuietHours)
            .Must(Notices.QuietHours.IsValidSetting)
            .WithMessage("must be two library times like 21:00-08:00, or empty for none");
    }
}
