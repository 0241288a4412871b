using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Search;

/// <summary>"Available at Central Library · On loan until December 14 at Riverside Branch", one part per copy.</summary>
public static class AvailabilityText
{
    public static string Describe(CatalogueRecord record, BotText text, string locale)
    {
        if (record.Holdings.Count == 0)
        {
            return text.Get("Record.NoCopies", locale);
        }

        var parts = record.Holdings
            .OrderBy(h => h.Status == ItemStatus.Available ? 0 : 1)
            .Select(h => h.Status switch
            {
                ItemStatus.Available => text.Get("Record.Available", locale, h.BranchName),
                ItemStatus.OnLoan when h.DueDate is { } due => text.Get("Record.OnLoan", locale, h.BranchName, DisplayFormats.Date(due, locale)),
                ItemStatus.OnLoan => text.Get("Record.OnLoanNoDate", locale, h.BranchName),
                ItemStatus.InTransit => text.Get("Record.InTransit", locale, h.BranchName),
                ItemStatus.OnHoldShelf => text.Get("Record.OnHoldShelf", locale, h.BranchName),
                ItemStatus.NotForLoan => text.Get("Record.NotForLoan", locale, h.BranchName),
                _ => text.Get("Record.Unknown", locale, h.BranchName),
            })
            .Distinct(StringComparer.Ordinal);
        return string.Join(" · ", parts);
    }
}
