using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>
/// Notice runs in process with a fake clock (2026-11-23 15:00 UTC; the demo library's hours are in its branches' zone):
/// one digest per chat in the chat's language, never twice, only with consent, checked again before sending, quiet
/// hours delay, reply RENEW renews exactly the loans the notice named.
/// </summary>
public sealed class NoticeRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_WhenAnaAcceptedNotices_SendsOneDigestAndTheNextRunNothingNew()
    {
        await using var bot = Bot();
        await LinkAnaAsync(bot, accept: true);

        var report = await RunAsync(bot);
        var digest = Assert.IsType<TemplateNotification>(Assert.Single(await bot.RunPendingTurnsAsync()));

        Assert.Equal((NoticeRunReport.Done, 1, 2, 1), (report.Outcome, report.Chats, report.Notices, report.Digests));
        Assert.Equal(NotificationKind.NoticeDigest, digest.Kind);
        Assert.Contains("Hello Ana, a message from Alder Bay Public Library:", digest.Text, StringComparison.Ordinal);
        Assert.Contains("*Pepita Jiménez* is ready for you to collect at Central Library", digest.Text, StringComparison.Ordinal);
        Assert.Contains("*Truyện Kiều* was due on", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Write \"notices off\"", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', digest.Parameters["summary"]);

        var again = await RunAsync(bot);
        Assert.Equal((0, 0), (again.Notices, again.Digests));
        Assert.Empty(await bot.RunPendingTurnsAsync());
    }

    [Fact]
    public async Task Run_WhenThePatronDeclined_SendsNothing()
    {
        await using var bot = Bot();
        await LinkAnaAsync(bot, accept: false);

        var report = await RunAsync(bot);

        Assert.Equal(0, report.Digests);
        Assert.Empty(await bot.RunPendingTurnsAsync());
    }

    [Fact]
    public async Task Delivery_WhenConsentIsWithdrawnAfterPlanning_SkipsTheDigest()
    {
        await using var bot = Bot();
        await LinkAnaAsync(bot, accept: true);
        await RunAsync(bot);
        await bot.Services.GetRequiredService<LibraryBot.Bot.Consent.PatronConsent>().RecordAsync(bot.Conversation, new LibraryBot.Bot.Consent.ConsentRecord(
            LibraryBot.Bot.Consent.ConsentPurposes.Notices, LibraryBot.Bot.Consent.ConsentAction.Withdraw, bot.Clock.GetUtcNow(), LibraryBot.Bot.Consent.ConsentSource.Console, "staff:rosa"), Ct);

        Assert.Empty(await bot.RunPendingTurnsAsync());
        var notices = await bot.Services.GetRequiredService<INoticeStore>().ListAsync(new NoticeQuery(), Ct);
        Assert.All(notices, n => Assert.Equal((NoticeDelivery.Skipped, "notices turned off before sending"), (n.Delivery, n.Reason)));
    }

    [Fact]
    public async Task Delivery_WhenAHoldWasCollectedMeanwhile_SendsOnlyWhatIsStillTrue()
    {
        await using var bot = Bot();
        await LinkAnaAsync(bot, accept: true);
        await RunAsync(bot);
        var catalogue = bot.Services.GetRequiredService<ICatalogue>();
        var pepita = (await catalogue.GetAccountAsync("p-0001", Ct)).Holds.Single(h => h.Title == "Pepita Jiménez");
        await catalogue.CancelHoldAsync("p-0001", pepita.HoldId, Ct);

        var digest = Assert.IsType<TemplateNotification>(Assert.Single(await bot.RunPendingTurnsAsync()));

        Assert.Equal(NotificationKind.Overdue, digest.Kind);
        Assert.DoesNotContain("Pepita", digest.Text, StringComparison.Ordinal);
        var skipped = Assert.Single(await bot.Services.GetRequiredService<INoticeStore>().ListAsync(new NoticeQuery(Delivery: NoticeDelivery.Skipped), Ct));
        Assert.Equal(NoticeKind.HoldReady, skipped.Notice.Kind);
    }

    [Fact]
    public async Task Run_InQuietHours_PlansNothingUntilTheyEnd()
    {
        // 15:00 UTC is 07:00 at the demo library (America/Los_Angeles): inside the default quiet hours.
        await using var bot = Bot(quietHours: "21:00-08:00");
        await LinkAnaAsync(bot, accept: true);

        var report = await RunAsync(bot);

        Assert.Equal(NoticeRunReport.Quiet, report.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero), report.QuietUntil!.Value.ToUniversalTime());
        Assert.Empty(await bot.RunPendingTurnsAsync());
        bot.Clock.Advance(report.QuietUntil!.Value - bot.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await RunAsync(bot)).Digests);
    }

    [Fact]
    public async Task Reply_WhenADueSoonNoticeOfferedRenewal_RenewsExactlyThoseLoansItemByItem()
    {
        await using var bot = Bot(dueSoonDays: 4);
        await LinkAnaAsync(bot, accept: true);
        await RunAsync(bot);
        var digest = Assert.IsType<TemplateNotification>(Assert.Single(await bot.RunPendingTurnsAsync()));
        Assert.Equal(NoticeComposer.RenewChoiceId, Assert.Single(digest.Replies!).Id);
        Assert.Contains("Tap *Renew*", digest.Text, StringComparison.Ordinal);

        var renewed = string.Join("\n", (await bot.SendAsync(bot.NewActivity(Channels.Activities.ActivityType.Message) with { Text = "RENEW" })).Select(m => m.ToPlainText()));

        Assert.Contains("Don Quijote de la Mancha", renewed, StringComparison.Ordinal);
        Assert.Contains("0 of 1 renewed", renewed, StringComparison.Ordinal);
        Assert.DoesNotContain("Pride and Prejudice", renewed, StringComparison.Ordinal);
        // Offered once: the next RENEW asks what to renew.
        Assert.Contains("renew", string.Join("\n", (await bot.SendAsync(bot.NewActivity(Channels.Activities.ActivityType.Message) with { Text = "RENEW" })).Select(m => m.ToPlainText())), StringComparison.OrdinalIgnoreCase);
    }

    private static TestBot Bot(string quietHours = "", int dueSoonDays = 3) => TestBot.Create(settings: new Dictionary<string, string?>
    {
        ["Notices:QuietHours"] = quietHours,
        ["Notices:DueSoonDays"] = dueSoonDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    internal static async Task LinkAnaAsync(TestBot bot, bool accept)
    {
        await bot.SendAsync("link card");
        await bot.SendAsync("29000100000011");
        var linked = string.Join("\n", (await bot.SendAsync("1234")).Select(m => m.ToPlainText()));
        Assert.Contains("Would you like Alder Bay Public Library to send you notices", linked, StringComparison.Ordinal);
        await bot.ChooseAsync(accept ? "yes" : "no");
    }

    private static Task<NoticeRunReport> RunAsync(TestBot bot) => bot.Services.GetRequiredService<NoticeRun>().RunAsync("test", Ct);
}
