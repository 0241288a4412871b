using System.Net.Http.Json;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.WeChat;
using LibraryBot.Channels.WhatsApp;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>
/// Notices through the real server: patrons link Ana's card and answer the notice question through the signed webhooks,
/// the sandbox's "run notices now" plans the run, and the digest is what the channels' fakes received. Quiet hours last
/// all day here: the scheduled runs never send, and the sandbox's button ignores quiet hours (a newcomer trying the demo
/// at night still sees the digest). Each test has its own server (a run reaches every subscriber of a server).
/// </summary>
public sealed class NoticeWebhookTests : IAsyncLifetime
{
    private BotProcess _bot = null!;

    public async ValueTask InitializeAsync() =>
        _bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["Notices__QuietHours"] = "00:00-23:59", ["Notices__IntervalMinutes"] = "1440", ["Telemetry__Prometheus__Enabled"] = "true" });

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task WhatsApp_WhenAnaAccepts_OneRunSendsOneDigest_AndTheNextRunNothing()
    {
        var ana = new WhatsAppPatron(_bot, Phones.New(Phones.UnitedStates));
        await LinkAnaAsync(ana, accept: true);

        var digest = await RunAndReceiveAsync(ana, WhatsAppKey(ana));

        digest.Contains("Hello Ana, a message from Alder Bay Public Library:")
            .Contains("Pepita Jiménez* is ready for you to collect at Central Library")
            .Contains("Truyện Kiều* was due on");
        Assert.Single(digest.Raw);
        Assert.Equal(0, await RunAsync());

        // The notices counter (Prometheus): two planned and two queued, by kind.
        var scrape = await _bot.Http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Matches("librarybot_notices_total\\{[^}]*kind=\"HoldReady\"[^}]*step=\"planned\"[^}]*\\} 1", scrape);
        Assert.Matches("librarybot_notices_total\\{[^}]*kind=\"Overdue\"[^}]*step=\"queued\"[^}]*\\} 1", scrape);
    }

    [Fact]
    public async Task WhatsApp_WhenThePatronDeclined_SendsNothing()
    {
        var ana = new WhatsAppPatron(_bot, Phones.New(Phones.UnitedStates));
        await LinkAnaAsync(ana, accept: false);

        Assert.Equal(0, await RunAsync());
        Assert.Equal(0, _bot.Scalar($"SELECT COUNT(*) FROM notice_digests WHERE conversation_key = '{WhatsAppKey(ana)}'"));
    }

    [Fact]
    public async Task WeChat_WhenAnaAccepts_TheDigestArrivesThroughTheCustomerServiceApi()
    {
        var ana = new WeChatPatron(_bot, "oNotice" + Guid.NewGuid().ToString("N")[..20]);
        await ana.SayAsync("link card");
        await ana.SayAsync("29000100000011");
        (await ana.SayAsync("1234")).Contains("send you notices here on WeChat").DoesNotContain("text message");
        await ana.SayAsync("yes");

        var digest = await RunAndReceiveAsync(ana, $"wx:{WeChatSandboxDefaults.AccountId}:{ana.Id}");

        digest.Contains("Pepita Jiménez").Contains("Central Library").Contains("Truyện Kiều");
        Assert.Equal(0, await RunAsync());
    }

    [Fact]
    public async Task WhatsApp_WhenTheNumberIsNoLongerOnWhatsApp_TheDigestGoesBySmsToTheSameNumber()
    {
        var phone = Phones.New(Phones.UnitedStates);
        var ana = new WhatsAppPatron(_bot, phone);
        await LinkAnaAsync(ana, accept: true);
        using (var gone = await _bot.Http.PostAsJsonAsync("/sandbox/whatsapp/not-on-whatsapp", new { number = phone }, TestContext.Current.CancellationToken))
        {
            Assert.True(gone.IsSuccessStatusCode);
        }

        await RunAsync();
        var digestId = _bot.Text($"SELECT id FROM notice_digests WHERE conversation_key = '{WhatsAppKey(ana)}'");
        // Meta accepts the message, then reports it failed with 131026 through the signed status webhook.
        await _bot.WaitUntilAsync(() => Task.FromResult(_bot.Scalar($"SELECT COUNT(*) FROM inbox WHERE dedupe_key = 'notice-sms:{digestId}'") == 1), "the digest handed to SMS");

        var sms = new SmsPatron(_bot, "+" + phone);
        var text = await sms.TurnAsync("notice-sms:" + digestId);
        text.Contains("Hello Ana, a message from Alder Bay Public Library:").Contains("Pepita Jiménez").Contains("Truyện Kiều")
            .DoesNotContain("*Pepita");
        Assert.Equal(1, _bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = 'notice-sms:{digestId}' AND conversation_key LIKE 'sms:%'"));
    }

    [Fact]
    public async Task Sms_WhenTheNumberTextedStop_TheFallbackSendsNothing()
    {
        var phone = Phones.New(Phones.UnitedStates);
        var ana = new WhatsAppPatron(_bot, phone);
        await LinkAnaAsync(ana, accept: true);
        var sms = new SmsPatron(_bot, "+" + phone);
        await sms.TextAsync("STOP");
        await _bot.WaitUntilAsync(() => Task.FromResult(_bot.Scalar("SELECT COUNT(*) FROM consent_events WHERE source = 'StopWord'") == 1), "the STOP recorded");
        using (var gone = await _bot.Http.PostAsJsonAsync("/sandbox/whatsapp/not-on-whatsapp", new { number = phone }, TestContext.Current.CancellationToken))
        {
            Assert.True(gone.IsSuccessStatusCode);
        }

        await RunAsync();
        var digestId = _bot.Text($"SELECT id FROM notice_digests WHERE conversation_key = '{WhatsAppKey(ana)}'");
        await _bot.WaitUntilAsync(() => Task.FromResult(_bot.Scalar($"SELECT COUNT(*) FROM inbox WHERE dedupe_key = 'notice-sms:{digestId}' AND status <> 0") == 1), "the SMS turn of the digest");

        Assert.Equal(0, _bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = 'notice-sms:{digestId}'"));
        Assert.DoesNotContain(await sms.InboxAsync(), m => m.Text.Contains("Pepita", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WhenTheServerIsKilledMidRun_AfterRestartEveryChatGetsItsDigestExactlyOnce()
    {
        var patrons = new List<WhatsAppPatron>();
        for (var i = 0; i < 12; i++)
        {
            var patron = new WhatsAppPatron(_bot, Phones.New(Phones.UnitedStates));
            await LinkAnaAsync(patron, accept: true);
            patrons.Add(patron);
        }

        // kill -9 as soon as the run has recorded its first notice (it is then planning, handing over or delivering the
        // rest; how far it got depends on the machine, and a run that finished first must give the same result).
        var run = _bot.Http.PostAsync("/sandbox/notices/run", null, TestContext.Current.CancellationToken);
        await _bot.WaitUntilAsync(() => Task.FromResult(_bot.Scalar("SELECT COUNT(*) FROM notices") > 0), "the run's first notice");
        await _bot.KillAsync();
        await Task.WhenAny(run);
        await _bot.StartAsync();
        await RunAsync();

        foreach (var patron in patrons)
        {
            var key = WhatsAppKey(patron);
            await _bot.WaitUntilAsync(() => Task.FromResult(_bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE conversation_key = '{key}' AND inbound_dedupe_key LIKE 'notice:%' AND status = 1") == 1), "the digest sent");
            Assert.Equal(1, _bot.Scalar($"SELECT COUNT(*) FROM notice_digests WHERE conversation_key = '{key}'"));
            Assert.Equal(1, _bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE conversation_key = '{key}' AND inbound_dedupe_key LIKE 'notice:%'"));
            Assert.Equal(2, _bot.Scalar($"SELECT COUNT(*) FROM notices WHERE conversation_key = '{key}'"));
        }

        Assert.Equal(0, await RunAsync());
    }

    private static string WhatsAppKey(Patron patron) => $"wa:{WhatsAppSandboxDefaults.PhoneNumberId}:{patron.Id}";

    private static async Task LinkAnaAsync(WhatsAppPatron ana, bool accept)
    {
        await ana.SayAsync("link card");
        await ana.SayAsync("29000100000011");
        (await ana.SayAsync("1234")).Contains("Would you like Alder Bay Public Library to send you notices here on WhatsApp");
        await ana.TapAsync(accept ? "yes" : "no");
    }

    /// <summary>Runs notices now (as the simulator's button does) and returns how many digests were handed over.</summary>
    private async Task<int> RunAsync()
    {
        using var response = await _bot.Http.PostAsync("/sandbox/notices/run", null, TestContext.Current.CancellationToken);
        var report = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.True(response.IsSuccessStatusCode, report.ToJsonString());
        return report["digests"]!.GetValue<int>();
    }

    private async Task<Turn> RunAndReceiveAsync(Patron patron, string conversationKey)
    {
        Assert.Equal(1, await RunAsync());
        var digestId = _bot.Text($"SELECT id FROM notice_digests WHERE conversation_key = '{conversationKey}'");
        return await patron.TurnAsync("notice:" + digestId);
    }
}
