using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Tests.Handoff;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Sms;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>
/// A patron registers an SMS number for notices through the real WhatsApp webhook, in four languages and typed the
/// way people type: the number is read with libphonenumber (the library's region: US), confirmed back masked, and on
/// Yes recorded in the consent ledger on the SMS address with the words shown — as staff see it; an invalid number is
/// refused in the patron's language; a second request or another question leaves the confirmation without a trace.
/// </summary>
public sealed class SmsNumberTranscriptTests(StaffServer server) : IClassFixture<StaffServer>
{
    [Fact]
    public async Task English_WithTypos_ConfirmsMasked_SmsOnly_ThenStopTextingMeWithdraws()
    {
        var phone = Phones.New(Phones.UnitedStates);
        var patron = new WhatsAppPatron(server.Bot, phone);
        var (typed, e164) = NewNumber("+1 415 5", 6, "+14155");

        (await patron.SayAsync($"hi, could you txet me at {typed}? thanks"))
            .Contains("Alder Bay Public Library will send your library notices").Contains("by text message to " + Masked(e164))
            .DoesNotContain(e164[2..]);
        (await patron.SayAsync("yes please")).Contains($"Done: {Masked(e164)} is your number for text messages").Contains("\"SMS only\"")
            .Contains("Notices are off in this chat");

        var granted = Assert.Single(await ConsentAsync(phone), e => (string?)e!["channel"] == "Sms")!;
        Assert.Equal(("notices", "Grant", "Chat", "patron", "Sms.Confirm@1", "en"),
            ((string?)granted["purpose"], (string?)granted["action"], (string?)granted["source"], (string?)granted["actor"], (string?)granted["wordingVersion"], (string?)granted["language"]));
        Assert.Contains("by text message to " + Masked(e164), (string?)granted["wording"], StringComparison.Ordinal);

        (await patron.SayAsync("sms only pls")).Contains($"only by text message to {Masked(e164)}, not here");
        (await patron.SayAsync("please stop texting me")).Contains($"will not text you any more, and your number {Masked(e164)} is removed");
        // The chat forgot the number; the ledger keeps the number's grant and withdrawal (under its hash).
        Assert.DoesNotContain(await ConsentAsync(phone), e => (string?)e!["channel"] == "Sms");
        Assert.Equal("Grant,Withdraw", server.Bot.Text($"""
            SELECT group_concat(action) FROM (SELECT action FROM consent_events WHERE channel = 'Sms' AND address_hash =
              (SELECT address_hash FROM consent_events WHERE wording LIKE '%{Masked(e164)}%' AND action = 'Grant') ORDER BY id)
            """));
        (await patron.SayAsync("stop texting me")).Contains("No number is registered for text messages in this chat");
    }

    [Fact]
    public async Task Spanish_AnInvalidNumber_IsRefusedInSpanish_AndAskedAgain()
    {
        var phone = Phones.New(Phones.Spain);
        var patron = new WhatsAppPatron(server.Bot, phone);
        (await patron.SayAsync("hola, envíame un sms al 555 01 00 99 por favor"))
            .Contains("Ese no es un número de móvil al que podamos enviar SMS").Contains("¿A qué número de móvil te enviamos los SMS?");
        (await patron.SayAsync("12345678")).Contains("Ese no es un número de móvil");
        var (typed, e164) = NewNumber("+34 6", 8, "+346");
        (await patron.SayAsync($"es el {typed}")).Contains("te enviará los avisos de la biblioteca").Contains("por SMS al " + Masked(e164));
        (await patron.SayAsync("sí")).Contains($"Hecho: {Masked(e164)} es tu número para SMS");

        var granted = Assert.Single(await ConsentAsync(phone), e => (string?)e!["channel"] == "Sms")!;
        Assert.Equal(("Grant", "es"), ((string?)granted["action"], (string?)granted["language"]));
        Assert.Contains("por SMS al " + Masked(e164), (string?)granted["wording"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spanish_ANumberWithoutCountryCode_IsReadAsOneOfThePatronsOwnCountry()
    {
        // The library's default region is the US; a patron writing from a Spanish WhatsApp number means a Spanish mobile.
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.Spain));
        var (typed, e164) = NewNumber("6", 8, "+346");

        (await patron.SayAsync($"mándame un sms al {typed[..3]} {typed[3..5]} {typed[5..7]} {typed[7..]} porfa"))
            .Contains("por SMS al " + Masked(e164)).DoesNotContain("Ese no es un número");
        (await patron.SayAsync("sí")).Contains($"Hecho: {Masked(e164)} es tu número para SMS");
    }

    [Fact]
    public async Task Chinese_ASecondRequestBeforeTheFirstIsConfirmed_RegistersOnlyTheSecondNumber()
    {
        var phone = Phones.New(Phones.China);
        var patron = new WhatsAppPatron(server.Bot, phone);
        var (first, firstE164) = NewNumber("+86 138", 8, "+86138");
        var (second, secondE164) = NewNumber("+86 139", 8, "+86139");

        (await patron.SayAsync($"你好，请发短信到{first}")).Contains("以短信发到 " + Masked(firstE164));
        (await patron.SayAsync($"不对，发短信到 {second}")).Contains("以短信发到 " + Masked(secondE164));
        (await patron.SayAsync("好的")).Contains($"好的：{Masked(secondE164)} 已登记为你的短信号码");

        var sms = (await ConsentAsync(phone)).Where(e => (string?)e!["channel"] == "Sms").ToList();
        var granted = Assert.Single(sms)!;
        Assert.Equal(("Grant", "zh-Hans"), ((string?)granted["action"], (string?)granted["language"]));
        Assert.Contains(Masked(secondE164), (string?)granted["wording"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vietnamese_LeavingTheQuestionForAnotherRequest_RecordsNothing_ThenRegisters()
    {
        var phone = Phones.New(Phones.VietNam);
        var patron = new WhatsAppPatron(server.Bot, phone);
        (await patron.SayAsync("nhan tin cho toi")).Contains("Chúng tôi nên nhắn tin đến số điện thoại di động nào?");
        (await patron.SayAsync("tin tức")).DoesNotContain("nhắn tin đến số");
        Assert.DoesNotContain(await ConsentAsync(phone), e => (string?)e!["channel"] == "Sms");

        var (typed, e164) = NewNumber("+84 91", 7, "+8491");
        (await patron.SayAsync($"nhắn tin cho tôi qua số {typed} nhé")).Contains("bằng tin nhắn SMS đến số " + Masked(e164));
        (await patron.SayAsync("có")).Contains($"Xong: {Masked(e164)} là số nhận tin nhắn SMS của bạn");
        (await patron.SayAsync("chỉ SMS")).Contains("thông báo sẽ chỉ gửi bằng tin nhắn SMS đến số " + Masked(e164));
        Assert.Equal("vi", (string?)Assert.Single(await ConsentAsync(phone), e => (string?)e!["channel"] == "Sms")!["language"]);
    }

    [Fact]
    public async Task BySms_StopTextingMe_StopsNoticesAndNewsToThatNumber()
    {
        var (_, e164) = NewNumber("+1 415 5", 6, "+14155");
        var text = new SmsPatron(server.Bot, e164);
        (await text.SayAsync("pls stop texting me")).Contains("Alder Bay Public Library will not text this number any more, neither notices nor news");

        using var librarian = await server.StaffAsync("sms-consent-reader", "librarian");
        var id = ConversationIds.Encode(new ConversationRef(ChannelId.Sms, SmsSandboxDefaults.From, e164).Key);
        var withdrawn = Assert.Single((await librarian.GetFromJsonAsync<JsonArray>($"/api/staff/conversations/{id}/consent", TestContext.Current.CancellationToken))!)!;
        Assert.Equal(("notices", "Withdraw", "Chat", "Sms.StoppedHere@1"),
            ((string?)withdrawn["purpose"], (string?)withdrawn["action"], (string?)withdrawn["source"], (string?)withdrawn["wordingVersion"]));
    }

    /// <summary>A fresh valid number: <paramref name="typedPrefix"/> then <paramref name="digits"/> random digits, as typed and in E.164.</summary>
    internal static (string Typed, string E164) NewNumber(string typedPrefix, int digits, string e164Prefix)
    {
        var tail = RandomNumberGenerator.GetInt32((int)Math.Pow(10, digits - 1) * 2, (int)Math.Pow(10, digits)).ToString(CultureInfo.InvariantCulture);
        return (typedPrefix + tail, e164Prefix + tail);
    }

    /// <summary>The number as the bot shows it: every digit hidden but the last four.</summary>
    internal static string Masked(string e164) => "+" + new string('•', e164.Length - 5) + e164[^4..];

    private async Task<JsonArray> ConsentAsync(string phone)
    {
        using var librarian = await server.StaffAsync("sms-consent-reader", "librarian");
        return (await librarian.GetFromJsonAsync<JsonArray>($"/api/staff/conversations/{StaffServer.IdOf(phone)}/consent", TestContext.Current.CancellationToken))!;
    }
}
