using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Handoff;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>
/// Consent to notices through the real webhooks: asked once after a card is linked (never in the middle of a task),
/// changed at any time in four languages, and recorded in the ledger with the words shown — as staff see it.
/// </summary>
public sealed class NoticeConsentTranscriptTests(StaffServer server) : IClassFixture<StaffServer>
{
    private const string Question = "Would you like Alder Bay Public Library to send you notices here on WhatsApp";

    [Fact]
    public async Task LinkCard_AsksOnceAndRecordsTheAnswerWithTheWordsShown()
    {
        var phone = Phones.New(Phones.UnitedStates);
        var patron = new WhatsAppPatron(server.Bot, phone);
        await patron.SayAsync("link card");
        await patron.SayAsync("29000100000060");
        var linked = (await patron.SayAsync("3141")).Contains("Thanks, Emily!").Contains(Question);

        (await patron.TapAsync(WhatsAppPatron.ChoiceId(linked, "Yes")))
            .Contains("Done: Alder Bay Public Library will send you notices here on WhatsApp");
        var granted = Assert.Single(await ConsentAsync(phone))!;
        Assert.Equal(("notices", "Grant", "Chat", "patron", "Notices.AskSms@1", "en"),
            ((string?)granted["purpose"], (string?)granted["action"], (string?)granted["source"], (string?)granted["actor"], (string?)granted["wordingVersion"], (string?)granted["language"]));
        Assert.StartsWith(Question, (string?)granted["wording"], StringComparison.Ordinal);
        Assert.Contains("\"notices off\"", (string?)granted["wording"], StringComparison.Ordinal);
        Assert.Contains("they may come by text message to the same number", (string?)granted["wording"], StringComparison.Ordinal);

        (await patron.SayAsync("turn off notices please")).Contains("no more notices here on WhatsApp");
        Assert.Equal(["Grant", "Withdraw"], (await ConsentAsync(phone)).Select(e => (string?)e!["action"]));

        // Linking another card does not ask again: the patron has answered on this channel.
        await patron.SayAsync("link card");
        await patron.SayAsync("29000100000052");
        (await patron.SayAsync("9999")).Contains("Thanks, Carlos!").DoesNotContain(Question);
    }

    [Fact]
    public async Task LinkCard_WhenAskedForLoans_AsksOnlyOnceTheLoansAreDone()
    {
        var phone = Phones.New(Phones.UnitedStates);
        var patron = new WhatsAppPatron(server.Bot, phone);
        await patron.SayAsync("my loans");
        await patron.SayAsync("29000100000045");
        var loans = (await patron.SayAsync("8080")).Contains("Mei, your loans:").DoesNotContain(Question);
        var done = (await patron.TapAsync(WhatsAppPatron.ChoiceId(loans, "Done"))).Contains(Question);

        (await patron.TapAsync(WhatsAppPatron.ChoiceId(done, "No"))).Contains("All right, no notices.");
        var declined = Assert.Single(await ConsentAsync(phone))!;
        Assert.Equal("Withdraw", (string?)declined["action"]);
        Assert.StartsWith(Question, (string?)declined["wording"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Phones.Spain, "avisos sí", "te enviará avisos aquí por WhatsApp", "Vincula tu tarjeta")]
    [InlineData(Phones.Spain, "quiero recibir avisos", "te enviará avisos aquí por WhatsApp", "Vincula tu tarjeta")]
    [InlineData(Phones.China, "开启通知", "会通过WhatsApp通知你", "请绑定借书证")]
    [InlineData(Phones.VietNam, "bật thông báo", "sẽ gửi thông báo cho bạn qua WhatsApp", "Hãy liên kết thẻ thư viện")]
    [InlineData(Phones.UnitedStates, "notices on", "will send you notices here on WhatsApp", "Link your library card")]
    public async Task NoticesOn_InEachLanguage_GrantsAndAsksForACardWhenNoneIsLinked(string country, string message, string confirmed, string linkHint)
    {
        var phone = Phones.New(country);
        var patron = new WhatsAppPatron(server.Bot, phone);
        (await patron.SayAsync(message)).Contains(confirmed).Contains(linkHint);
        var granted = Assert.Single(await ConsentAsync(phone))!;
        Assert.Equal(("Grant", "Notices.OnSms@1"), ((string?)granted["action"], (string?)granted["wordingVersion"]));
        Assert.Contains(confirmed, (string?)granted["wording"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Phones.Spain, "avisos no", "no recibirás más avisos por WhatsApp")]
    [InlineData(Phones.China, "关闭通知", "WhatsApp上不再发送通知")]
    [InlineData(Phones.VietNam, "tắt thông báo", "bạn sẽ không nhận thông báo qua WhatsApp nữa")]
    public async Task NoticesOff_InEachLanguage_Withdraws(string country, string message, string confirmed)
    {
        var phone = Phones.New(country);
        var patron = new WhatsAppPatron(server.Bot, phone);
        (await patron.SayAsync(message)).Contains(confirmed);
        Assert.Equal("Withdraw", (string?)Assert.Single(await ConsentAsync(phone))!["action"]);
    }

    private async Task<JsonArray> ConsentAsync(string phone)
    {
        using var librarian = await server.StaffAsync("consent-reader", "librarian");
        var history = await librarian.GetFromJsonAsync<JsonArray>($"/api/staff/conversations/{StaffServer.IdOf(phone)}/consent", TestContext.Current.CancellationToken);
        return history!;
    }
}
