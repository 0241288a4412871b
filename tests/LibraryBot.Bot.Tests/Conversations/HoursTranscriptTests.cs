namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>Opening hours, addresses, auto-replies and shared locations through the real webhooks, in four languages.</summary>
[Collection(ConversationServerCollection.Name)]
public sealed class HoursTranscriptTests(ConversationServer server)
{
    private static readonly string[] Branches = ["Central Library", "Riverside Branch", "Jade Street Branch"];

    [Theory]
    [InlineData(Phones.UnitedStates, "are you open now?", "Write \"address\" for addresses")]
    [InlineData(Phones.Spain, "horario", "Escribe «dirección»")]
    [InlineData(Phones.VietNam, "giờ mở cửa", "Gõ \"địa chỉ\"")]
    public async Task Hours_WhenAskedInAnyLanguage_AnswersTodaysHoursOfEveryBranch(string country, string question, string footer)
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(country));
        var answer = (await patron.SayAsync(question)).Contains(footer);
        Assert.All(Branches, b => answer.Contains(b));
    }

    [Fact]
    public async Task Hours_WhenAskedOnWeChat_AnswersInChinese()
    {
        var patron = new WeChatPatron(server.Bot, Phones.NewOpenId());
        var answer = (await patron.SayAsync("开放时间")).Contains("回复“地址”查看地址和电话");
        Assert.All(Branches, b => answer.Contains(b));
    }

    [Fact]
    public async Task Hours_WhenTheWeChatMenuButtonIsTapped_AnswersTodaysHours()
    {
        var patron = new WeChatPatron(server.Bot, Phones.NewOpenId());
        var answer = (await patron.ClickMenuAsync("hours")).Contains("回复“地址”查看地址和电话");
        Assert.All(Branches, b => answer.Contains(b));
    }

    [Fact]
    public async Task Contact_WhenAskedForTheAddress_ListsAddressesAndPhones()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("address")).Contains("400 Civic Center Plaza").Contains("☎ +1 510-555-0175");
    }

    [Theory]
    [InlineData(Phones.UnitedStates, "what's the wifi password?", "AlderBay-Library")]
    [InlineData(Phones.Spain, "¿cuánto es la multa?", "Multas: libros de adultos")]
    [InlineData(Phones.VietNam, "tiền phạt thế nào", "Quy định tiền phạt")]
    public async Task AutoReply_WhenAKeywordIsInTheQuestion_AnswersFromConfiguration(string country, string question, string expected)
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(country));
        (await patron.SayAsync(question)).Contains(expected);
    }

    [Fact]
    public async Task AutoReply_WhenAskedOnWeChatInChinese_AnswersInChinese()
    {
        var patron = new WeChatPatron(server.Bot, Phones.NewOpenId());
        (await patron.SayAsync("可以打印吗")).Contains("打印和复印");
    }

    [Fact]
    public async Task Location_WhenPatronSharesALocation_AnswersTheNearestBranchWithTodaysHours()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.ShareLocationAsync(37.7990, -122.2690)).Contains("The nearest branch is Jade Street Branch, about 0.1 km away: 88 Jade Street");
    }

    [Fact]
    public async Task Location_WhenWeChatFollowerSendsALocation_AnswersInChinese()
    {
        var patron = new WeChatPatron(server.Bot, Phones.NewOpenId());
        (await patron.ShareLocationAsync(37.7930, -122.2480)).Contains("离你最近的是Riverside Branch");
    }
}
