using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Handoff;
using LibraryBot.Channels.WhatsApp;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>
/// The SMS number at work through the real server: a patron who registered one and chose "SMS only" gets the notice
/// digest through the fake Twilio API and nothing in the chat; staff register a number in the console for a patron
/// (validated, audited, recorded in the ledger as staff's).
/// </summary>
public sealed class SmsOnlyNoticeTests(NoticesServer server) : IClassFixture<NoticesServer>
{
    [Fact]
    public async Task SmsOnly_TheDigestGoesThroughTheFakeTwilioApi_AndNotToTheChat()
    {
        var ana = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await ana.SayAsync("link card");
        await ana.SayAsync("29000100000011");
        (await ana.SayAsync("1234")).Contains("Would you like Alder Bay Public Library to send you notices here on WhatsApp");
        await ana.TapAsync("yes");
        var (typed, e164) = SmsNumberTranscriptTests.NewNumber("(415) 5", 6, "+14155");
        await ana.SayAsync($"text me at {typed}");
        await ana.SayAsync("yes");
        (await ana.SayAsync("SMS only")).Contains("only by text message");

        using (var run = await server.Bot.Http.PostAsync("/sandbox/notices/run", null, TestContext.Current.CancellationToken))
        {
            Assert.True(run.IsSuccessStatusCode);
        }

        var key = $"wa:{WhatsAppSandboxDefaults.PhoneNumberId}:{ana.Id}";
        var digestId = server.Bot.Text($"SELECT id FROM notice_digests WHERE conversation_key = '{key}'");
        var text = await new SmsPatron(server.Bot, e164).TurnAsync("notice-sms:" + digestId);
        text.Contains("Hello Ana, a message from Alder Bay Public Library:").Contains("Pepita Jiménez").Contains("Truyện Kiều");
        Assert.Equal(1, server.Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = 'notice-sms:{digestId}' AND conversation_key LIKE 'sms:%'"));
        Assert.Equal(0, server.Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = 'notice:{digestId}'"));
        Assert.Equal(2, server.Bot.Scalar($"SELECT COUNT(*) FROM notices WHERE conversation_key = '{key}' AND reason LIKE '%chose SMS only%'"));
    }

    [Fact]
    public async Task Console_StaffRegisterANumber_RefusingABadOne_AuditedAndRecordedAsStaffs()
    {
        var phone = Phones.New(Phones.Spain);
        await new WhatsAppPatron(server.Bot, phone).SayAsync("hola");
        using var librarian = await server.StaffAsync("sms-desk", "librarian");
        var url = $"/api/staff/conversations/{StaffServer.IdOf(phone)}/sms";

        using (var bad = await librarian.PutAsJsonAsync(url, new { number = "555 0100", smsOnly = true, patronAgreed = true }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("not a valid mobile number", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var (typed, e164) = SmsNumberTranscriptTests.NewNumber("+1 415 5", 6, "+14155");
        using (var unasked = await librarian.PutAsJsonAsync(url, new { number = typed, smsOnly = true, patronAgreed = false }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unasked.StatusCode);
        }

        Assert.DoesNotContain(await ConsentAsync(librarian, phone), e => (string?)e!["channel"] == "Sms");
        using (var set = await librarian.PutAsJsonAsync(url, new { number = typed, smsOnly = true, patronAgreed = true }, TestContext.Current.CancellationToken))
        {
            var view = JsonNode.Parse(await set.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.Equal((true, SmsNumberTranscriptTests.Masked(e164), true), ((bool)view["registered"]!, (string?)view["number"], (bool)view["smsOnly"]!));
        }

        var granted = Assert.Single(await ConsentAsync(librarian, phone), e => (string?)e!["channel"] == "Sms")!;
        Assert.Equal(("Grant", "Console", "staff:sms-desk", "es", "Sms.Confirm@1"),
            ((string?)granted["action"], (string?)granted["source"], (string?)granted["actor"], (string?)granted["language"], (string?)granted["wordingVersion"]));
        Assert.Equal(1, server.Bot.Scalar("SELECT COUNT(*) FROM staff_audit WHERE username = 'sms-desk' AND action = 'set-sms-number'"));

        using (var removed = await librarian.DeleteAsync(url, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        Assert.False((bool)(await librarian.GetFromJsonAsync<JsonNode>(url, TestContext.Current.CancellationToken))!["registered"]!);
        Assert.Equal(1, server.Bot.Scalar("SELECT COUNT(*) FROM staff_audit WHERE username = 'sms-desk' AND action = 'remove-sms-number'"));
    }

    private static async Task<JsonArray> ConsentAsync(HttpClient staff, string phone) =>
        (await staff.GetFromJsonAsync<JsonArray>($"/api/staff/conversations/{StaffServer.IdOf(phone)}/consent", TestContext.Current.CancellationToken))!;
}
