using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>Dates and times where the library is: each branch carries its time zone (IANA id).</summary>
public static class LibraryClock
{
    public static DateTimeOffset Now(TimeProvider clock, string timeZone) =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone));

    /// <summary>The library's today (its first branch's zone; UTC when it has no branches).</summary>
    public static async Task<DateOnly> TodayAsync(ICatalogue catalogue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var branches = await catalogue.GetBranchesAsync(cancellationToken).ConfigureAwait(false);
        var now = branches.Count > 0 ? Now(clock, branches[0].TimeZone) : clock.GetUtcNow();
        return DateOnly.FromDateTime(now.DateTime);
    }
}
