using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Handoff;

/// <summary>Whether someone can answer a request for a librarian now, and if not, what to tell the patron.</summary>
public sealed class HandoffAvailability(IOptions<HandoffOptions> options, IStaffStore staff, BotText text)
{
    private readonly Lazy<StaffedHours> _hours = new(() => StaffedHours.Parse(options.Value.StaffedHours));

    public StaffedHours Hours => _hours.Value;

    /// <summary>The notice for the patron in their language, or null when staff are in and someone is available.</summary>
    public async Task<string?> NoticeAsync(string locale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Hours.IsOpen(now))
        {
            return Hours.NextOpening(now) is { } next
                ? text.Get("Handoff.OutOfHours", locale, FormatLocal(next, locale))
                : text.Get("Handoff.NoHours", locale);
        }

        var accounts = await staff.ListAsync(cancellationToken).ConfigureAwait(false);
        return accounts.Any(a => a.Available && a.AnswersPatrons && !a.Disabled) ? null : text.Get("Handoff.NobodyAvailable", locale);
    }

    /// <summary>Whether staff are in now and a librarian or admin who signs in should be set to available (<c>Handoff:AvailableOnSignIn</c>).</summary>
    public bool AvailableOnSignIn(StaffAccount account, DateTimeOffset now) =>
        options.Value.AvailableOnSignIn && account.AnswersPatrons && Hours.IsOpen(now);

    /// <summary>A moment in the library's time zone, written the patron's way (e.g. "Monday, 23 November 2026 09:00").</summary>
    public string FormatLocal(DateTimeOffset instant, string locale)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Hours.Zone);
        return local.ToString("f", BotLocales.Culture(locale));
    }
}
