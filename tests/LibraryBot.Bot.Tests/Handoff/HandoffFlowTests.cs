using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>The handoff inside the real engine and SQLite store: queue, gate, "bot", hours, transcript, survey.</summary>
public sealed class HandoffFlowTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Escalation_WhenOutOfHours_TellsTheNextStaffedTimeInThePatronsLanguage()
    {
        // The fake clock says Monday 2026-11-23 15:00 UTC; staff work Tuesday to Friday in Madrid.
        await using var bot = TestBot.Create(settings: Hours("Europe/Madrid", "Tue-Fri 09:00-17:00"));
        await bot.SendAsync(bot.NewActivity(ActivityType.Message) with { Text = "bibliotecario", LocaleHint = "es" });
        var replies = (await bot.SendAsync("sí")).Plain();

        Assert.Contains("martes, 24 de noviembre de 2026 9:00", replies, StringComparison.Ordinal);
        Assert.Contains("Nuestros bibliotecarios no están ahora", replies, StringComparison.Ordinal);
        Assert.NotNull((await bot.StateAsync())!.Escalation);
    }

    [Fact]
    public async Task Escalation_WhenOnAHoliday_SkipsToTheNextStaffedDay()
    {
        await using var bot = TestBot.Create(settings: Hours("UTC", "Mon-Fri 09:00-17:00", holidays: "2026-11-23, 2026-11-24"));
        await bot.SendAsync(bot.NewActivity(ActivityType.Message) with { Text = "librarian", LocaleHint = "en" });
        var replies = (await bot.SendAsync("yes")).Plain();

        Assert.Contains("Wednesday, November 25, 2026", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalation_WhenInHoursAndSomeoneIsAvailable_AddsNoWaitingNotice()
    {
        await using var bot = TestBot.Create(settings: Hours("UTC", "Mon-Sun 00:00-24:00"));
        var accounts = bot.Services.GetRequiredService<StaffAccounts>();
        await accounts.CreateAsync("ana", "Ana", StaffRole.Librarian, "correct horse battery", Ct);
        await bot.Services.GetRequiredService<IStaffStore>().SetAvailableAsync("ana", true, Ct);

        await bot.SendAsync("librarian");
        var replies = await bot.SendAsync("yes");

        Assert.Single(replies);
        Assert.Contains("asked a librarian", replies.Plain(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalation_WhenInHoursButNobodyIsAvailable_SaysTheRequestWaits()
    {
        await using var bot = TestBot.Create(settings: Hours("UTC", "Mon-Sun 00:00-24:00"));
        await bot.SendAsync("librarian");
        var replies = (await bot.SendAsync("yes")).Plain();

        Assert.Contains("All our librarians are busy", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_WhenALibrarianOwnsTheChat_BotIsSilentForMenuAndCancelAndTheConsoleGetsTheText()
    {
        await using var bot = TestBot.Create(settings: Hours("UTC", "Mon-Sun 00:00-24:00"));
        var key = await EscalateAndClaimAsync(bot);

        Assert.Empty(await bot.SendAsync("menu"));
        Assert.Empty(await bot.SendAsync("cancel"));
        Assert.Empty(await bot.SendAsync("my renewal failed"));

        var state = await bot.StateAsync();
        Assert.Equal("ana", state!.HandoffOwner);
        var lines = await bot.Services.GetRequiredService<ITranscriptStore>().ListAsync(key, 0, Ct);
        Assert.Contains(lines, l => l.Author == TranscriptAuthor.Patron && l.Text == "my renewal failed");
        Assert.Contains(lines, l => l.Author == TranscriptAuthor.Patron && l.Text == "menu");
    }

    [Theory]
    [InlineData("bot", "back with the library bot")]
    [InlineData("volver al bot", "back with the library bot")]
    [InlineData("机器人", "您已回到图书馆机器人")]
    [InlineData("quay lại bot", "Bạn đã quay lại với bot")]
    public async Task Gate_WhenThePatronSaysBotInAnyLanguage_HandsBackAndTheBotAnswersAgain(string word, string backInTheirLanguage)
    {
        await using var bot = TestBot.Create(settings: Hours("UTC", "Mon-Sun 00:00-24:00"));
        await EscalateAndClaimAsync(bot);

        var handBack = await bot.SendAsync(word);
        Assert.Contains(backInTheirLanguage, handBack.Plain(), StringComparison.Ordinal);
        var state = await bot.StateAsync();
        Assert.Null(state!.HandoffOwner);
        Assert.Null(state.Escalation);
        Assert.NotEmpty(await bot.SendAsync("menu"));
    }

    [Fact]
    public async Task Gate_WhenWaitingAndThePatronSaysBot_LeavesTheQueue()
    {
        await using var bot = TestBot.Create(settings: Hours("UTC", "Mon-Sun 00:00-24:00"));
        await bot.SendAsync("librarian");
        await bot.SendAsync("yes");

        var replies = await bot.SendAsync("bot");

        Assert.Contains("no longer waiting", replies.Plain(), StringComparison.Ordinal);
        Assert.Empty(await bot.Services.GetRequiredService<IHandoffQueue>().ListAsync(Ct));
    }

    [Fact]
    public async Task Transcript_WhenThePromptMarkedTheAnswerSensitive_DoesNotRecordIt()
    {
        await using var bot = TestBot.Create(settings: Hours("UTC", "Mon-Sun 00:00-24:00"));
        var key = await EscalateAndClaimAsync(bot);
        var store = bot.Services.GetRequiredService<LibraryBot.Bot.Storage.IConversationStore>();
        var snapshot = await store.LoadAsync(key, Ct);
        snapshot!.State.Values[HandoffKeys.Sensitive] = "true";
        await store.CommitTurnAsync(new LibraryBot.Bot.Storage.TurnCommit(key, snapshot.ETag, snapshot.State, [], null), Ct);

        await bot.SendAsync("4321");

        var lines = await bot.Services.GetRequiredService<ITranscriptStore>().ListAsync(key, 0, Ct);
        Assert.DoesNotContain(lines, l => l.Text.Contains("4321", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text == TranscriptText.NotRecorded);
    }

    [Fact]
    public async Task Close_WhenThePatronAnswersTheSurvey_StoresTheRatingAndThanks()
    {
        await using var bot = TestBot.Create(settings: Hours("UTC", "Mon-Sun 00:00-24:00"));
        var key = await EscalateAndClaimAsync(bot);
        var handoff = bot.Services.GetRequiredService<HandoffService>();
        var ana = (await bot.Services.GetRequiredService<IStaffStore>().FindAsync("ana", Ct))!;

        Assert.Equal(HandoffResult.Done, (await handoff.CloseAsync(key, ana, Ct)).Result);
        var thanks = await bot.SendAsync("5 very helpful");

        Assert.Contains("Thank you for your feedback", thanks.Plain(), StringComparison.Ordinal);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={bot.Services.GetRequiredService<LibraryBot.Bot.Storage.Sqlite.SqliteDatabase>().Path}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rating || '|' || comment || '|' || staff FROM handoff_ratings";
        Assert.Equal("5|very helpful|ana", await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Sweep_WhenTranscriptsAgePastTheLimits_MasksThenDeletesThem()
    {
        await using var bot = TestBot.Create(settings: Hours("UTC", "Mon-Sun 00:00-24:00"));
        var key = await EscalateAndClaimAsync(bot);
        await bot.SendAsync("my card is 29384756 and I want \"The Secret History\"");
        var sweeper = bot.Services.GetRequiredService<TranscriptSweeper>();
        var transcripts = bot.Services.GetRequiredService<ITranscriptStore>();

        bot.Clock.Advance(TimeSpan.FromDays(15));
        var (_, masked) = await sweeper.SweepOnceAsync(Ct);
        var lines = await transcripts.ListAsync(key, 0, Ct);
        Assert.True(masked > 0);
        Assert.DoesNotContain(lines, l => l.Text.Contains("29384756", StringComparison.Ordinal) || l.Text.Contains("Secret History", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text == "my card is •••••••• and I want «…»");

        bot.Clock.Advance(TimeSpan.FromDays(80));
        await sweeper.SweepOnceAsync(Ct);
        Assert.Empty(await transcripts.ListAsync(key, 0, Ct));
    }

    private static async Task<string> EscalateAndClaimAsync(TestBot bot)
    {
        await bot.SendAsync("librarian");
        await bot.SendAsync("yes");
        var accounts = bot.Services.GetRequiredService<StaffAccounts>();
        await accounts.CreateAsync("ana", "Ana", StaffRole.Librarian, "correct horse battery", Ct);
        var ana = (await bot.Services.GetRequiredService<IStaffStore>().FindAsync("ana", Ct))!;
        var key = bot.Conversation.Key;
        var claim = await bot.Services.GetRequiredService<HandoffService>().ClaimAsync(key, ana, Ct);
        Assert.Equal(HandoffResult.Done, claim.Result);

        // The claim told the patron a librarian joined; take that reply so each test sees only its own.
        var joined = await bot.SendAsync(bot.NewActivity(ActivityType.Event) with { Event = new ChannelEvent(ChannelEventKind.Unfollow) });
        Assert.Contains("has joined the chat", Assert.Single(joined).ToPlainText(), StringComparison.Ordinal);
        return key;
    }

    private static Dictionary<string, string?> Hours(string zone, string weekly, string holidays = "") => new()
    {
        ["Handoff:StaffedHours:TimeZone"] = zone,
        ["Handoff:StaffedHours:Weekly"] = weekly,
        ["Handoff:StaffedHours:Holidays"] = holidays,
    };
}
