using LibraryBot.Bot.Notices;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Tests.Notices;

public sealed class NoticePlannerTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly NoticeOptions Options = new() { DueSoonDays = 3, OverdueDays = "1,7", HoldExpiringDays = 1 };

    [Fact]
    public void Plan_WhenAHoldIsReady_NoticesItOnceAndAgainTheDayBeforeItGoesBack()
    {
        var far = Plan(holds: [Ready("h1", Today.AddDays(5))]);
        var near = Plan(holds: [Ready("h1", Today.AddDays(1))]);

        Assert.Equal(["HoldReady:p1:h1"], far.Select(n => n.Key));
        Assert.Equal(["HoldReady:p1:h1", "HoldExpiring:p1:h1:2026-11-28"], near.Select(n => n.Key));
        Assert.Equal(("Central Library", new DateOnly(2026, 11, 28)), (near[1].BranchName, near[1].Date));
        Assert.Empty(Plan(holds: [new Hold("h2", "r", "Waiting", HoldStatus.Waiting, "c", "Central Library", null, 2)]));
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(3, "DueSoon:p1:l1:2026-11-30")]
    [InlineData(0, "DueSoon:p1:l1:2026-11-27")]
    [InlineData(-1, "Overdue:p1:l1:2026-11-26:1")]
    [InlineData(-6, "Overdue:p1:l1:2026-11-21:1")]
    [InlineData(-7, "Overdue:p1:l1:2026-11-20:7")]
    [InlineData(-40, "Overdue:p1:l1:2026-10-18:7")]
    public void Plan_WhenALoanIsDue_NoticesDueSoonThenTheLatestOverdueStageReached(int dueIn, string? key)
    {
        var notices = Plan(loans: [Loan("l1", Today.AddDays(dueIn))]);

        Assert.Equal(key is null ? [] : [key], notices.Select(n => n.Key));
    }

    [Fact]
    public void Plan_WhenALoanIsRenewed_ItsNewDueDateIsANewNotice()
    {
        var before = Plan(loans: [Loan("l1", Today.AddDays(2))]).Single().Key;
        var after = Plan(loans: [Loan("l1", Today.AddDays(3))]).Single().Key;

        Assert.NotEqual(before, after);
    }

    private static IReadOnlyList<PlannedNotice> Plan(IReadOnlyList<Loan>? loans = null, IReadOnlyList<Hold>? holds = null) =>
        NoticePlanner.Plan(new PatronAccount("p1", "Ana", "c", loans ?? [], holds ?? [], 0, "USD"), Today, Options);

    private static Hold Ready(string id, DateOnly until) => new(id, "r", "Pepita Jiménez", HoldStatus.Ready, "c", "Central Library", until, null);

    private static Loan Loan(string id, DateOnly due) => new(id, "r", "Truyện Kiều", "i", due, 0, 2, true);
}
