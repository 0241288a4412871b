using LibraryBot.Bot.Engine;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Search;

/// <summary>
/// "Available at Central Library · On loan until December 14 at Riverside Branch · On loan, overdue since
/// November 24, at Jade Street Branch", one part per copy.
/// </summary>
public static class AvailabilityText
{
    public static string Describe(CatalogueRecord record, TurnContext context, DateOnly today)
    {
        if (record.Holdings.Count == 0)
        {
            return context.Localize("Record.NoCopies");
        }

        var parts = record.Holdings
            .OrderBy(h => h.Status == ItemStatus.Available ? 0 : 1)
            .Select(h => h.Status switch
            {
                ItemStatus.Available => context.Localize("Record.Available", h.BranchName),
                ItemStatus.OnLoan when h.DueDate is { } due && due < today => context.Localize("Record.OnLoanOverdue", h.BranchName, due),
                ItemStatus.OnLoan when h.DueDate is { } due => context.Localize("Record.OnLoan", h.BranchName, due),
                ItemStatus.OnLoan => context.Localize("Record.OnLoanNoDate", h.BranchName),
                ItemStatus.InTransit => context.Localize("Record.InTransit", h.BranchName),
                ItemStatus.OnHoldShelf => context.Localize("Record.OnHoldShelf", h.BranchName),
                ItemStatus.NotForLoan => context.Localize("Record.NotForLoan", h.BranchName),
                _ => context.Localize("Record.Unknown", h.BranchName),
            })
            .Distinct(StringComparer.Ordinal);
        return string.Join(" · ", parts);
    }
}
