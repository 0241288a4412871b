using System.Globalization;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Notices;

/// <summary>What a patron's account calls for today: hold ready, hold expiring, due soon, overdue (the latest stage reached).</summary>
public static class NoticePlanner
{
    public static IReadOnlyList<PlannedNotice> Plan(PatronAccount account, DateOnly today, NoticeOptions options)
    {
        var notices = new List<PlannedNotice>();
        foreach (var hold in account.Holds.Where(h => h.Status == HoldStatus.Ready))
        {
            var branch = hold.PickupBranchName ?? hold.PickupBranchId;
            notices.Add(Notice(account, NoticeKind.HoldReady, $"{hold.HoldId}", hold.Title, hold.HoldId, branch, hold.ReadyUntil));
            if (hold.ReadyUntil is { } until && until >= today && until.DayNumber - today.DayNumber <= options.HoldExpiringDays)
            {
                notices.Add(Notice(account, NoticeKind.HoldExpiring, $"{hold.HoldId}:{Iso(until)}", hold.Title, hold.HoldId, branch, until));
            }
        }

        var stages = options.OverdueStages();
        foreach (var loan in account.Loans)
        {
            var daysLeft = loan.DueDate.DayNumber - today.DayNumber;
            if (daysLeft >= 0 && daysLeft <= options.DueSoonDays)
            {
                notices.Add(Notice(account, NoticeKind.DueSoon, $"{loan.LoanId}:{Iso(loan.DueDate)}", loan.Title, loan.LoanId, null, loan.DueDate));
            }
            else if (daysLeft < 0 && stages.LastOrDefault(s => s <= -daysLeft) is var stage and > 0)
            {
                notices.Add(Notice(account, NoticeKind.Overdue, $"{loan.LoanId}:{Iso(loan.DueDate)}:{stage}", loan.Title, loan.LoanId, null, loan.DueDate));
            }
        }

        return notices;
    }

    private static PlannedNotice Notice(PatronAccount account, NoticeKind kind, string what, string title, string itemId, string? branch, DateOnly? date) =>
        new($"{kind}:{account.PatronId}:{what}", kind, account.PatronId, account.FirstName, title, itemId, branch, date);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
