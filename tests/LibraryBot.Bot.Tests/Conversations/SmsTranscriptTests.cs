namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>
/// SMS through the real server in sandbox mode: the simulated patron's texts go through the real, signed
/// <c>/webhooks/sms</c>, the same engine answers, and the replies are what the fake Twilio API recorded — plain text,
/// choices numbered. Twilio's STOP blocks the number (21610) until START.
/// </summary>
[Collection(ConversationServerCollection.Name)]
public sealed class SmsTranscriptTests(ConversationServer server)
{
    [Fact]
    public async Task Hello_ThenMyLoans_ByText_GreetsThenLinksTheCardAndListsTheLoansAsPlainText()
    {
        var patron = new SmsPatron(server.Bot, "+" + Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("hello")).Contains("I'm the library's assistant").Contains("/privacy");
        (await patron.SayAsync("my loans")).Contains("What is your library card number?");
        (await patron.SayAsync("29000100000029")).Contains("And your PIN?");
        var loans = await patron.SayAsync("2468");
        loans.Contains("Thanks, Wei! Card ••••0029 is linked")
            .Contains("please delete the message with your PIN")
            .Contains("Wei, your loans:").Contains("Moby-Dick — due").Contains("三国演义")
            .Contains("1. Renew all")
            .DoesNotContain("[Renew all]");
        Assert.All(loans.Raw, r => Assert.InRange(r["body"]!["body"]!.GetValue<string>().Length, 1, 1600));

        (await patron.SayAsync("HL")).Contains("红楼梦");
        (await patron.SayAsync("RA")).Contains("Moby-Dick").Contains("not renewed");
    }

    [Fact]
    public async Task Stop_ByText_TwilioBlocksTheNumber_SoTheBotsRepliesFailWith21610_UntilStart()
    {
        var patron = new SmsPatron(server.Bot, "+" + Phones.New(Phones.UnitedStates));
        await patron.SayAsync("hello");
        var key = $"sms:+15550001234:{patron.Id}";

        var stop = await patron.TextAsync("STOP");
        await server.Bot.WaitUntilAsync(() => Task.FromResult(server.Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{stop}' AND status = 2 AND error_code = '21610'") >= 1), "the reply to STOP refused with 21610");
        Assert.Equal(1, server.Bot.Scalar($"SELECT COUNT(*) FROM recipient_flags WHERE conversation_key = '{key}' AND effect = 'OptedOutOfChannel'"));

        var hello = await patron.TextAsync("hello again");
        await server.Bot.WaitUntilAsync(() => Task.FromResult(server.Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{hello}' AND status = 0") == 0
            && server.Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{hello}' AND status = 2 AND error_code = '21610'") >= 1), "the reply while opted out refused with 21610");
        Assert.Equal(0, server.Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{hello}' AND status = 1"));

        (await patron.SayAsync("START")).Contains("(Twilio) You have successfully been re-subscribed").Contains("You'll receive news from the library again.");
        var inbox = await patron.InboxAsync();
        Assert.Contains(inbox, m => m.Automatic && m.Text.StartsWith("You have successfully been unsubscribed", StringComparison.Ordinal));
        Assert.DoesNotContain(inbox, m => !m.Automatic && m.Text.Contains("you won't receive news", StringComparison.Ordinal));
    }
}
