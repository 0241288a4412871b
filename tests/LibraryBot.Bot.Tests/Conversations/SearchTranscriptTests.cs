namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>Catalogue search through the real webhooks, in the four languages, on WhatsApp and WeChat.</summary>
[Collection(ConversationServerCollection.Name)]
public sealed class SearchTranscriptTests(ConversationServer server)
{
    [Fact]
    public async Task Search_WhenEnglishPatronSearchesAndOpensARecord_ShowsResultsAndAvailabilityPerBranch()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        var results = (await patron.SayAsync("search melville")).Contains("Hello").Contains("I found 4 results for \"melville\"").Contains("- Moby-Dick · Herman Melville (1851)");

        var record = await patron.TapAsync(WhatsAppPatron.ChoiceId(results, "Moby-Dick"), listRow: true);
        record.Contains("*Moby-Dick*").Contains("Herman Melville").Contains("On loan until").Contains("[Place a hold]").Contains("[Another search]");
    }

    [Fact]
    public async Task Search_WhenSpanishPatronWritesBuscar_AnswersInSpanishWithAvailability()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.Spain));
        var results = (await patron.SayAsync("buscar valera")).Contains("Hola").Contains("He encontrado 2 resultados para «valera»").Contains("Pepita Jiménez");

        var record = await patron.TapAsync(WhatsAppPatron.ChoiceId(results, "Pepita Jiménez"), listRow: true);
        record.Contains("Juan Valera").Contains("Disponible en Riverside Branch").Contains("[Reservar]");
    }

    [Fact]
    public async Task Search_WhenVietnamesePatronWritesTim_AnswersInVietnamese()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.VietNam));
        (await patron.SayAsync("tìm truyện kiều")).Contains("*Truyện Kiều*").Contains("Nguyễn Du").Contains("[Đặt trước]");
    }

    [Fact]
    public async Task Search_WhenWeChatFollowerWritesZhao_AnswersInChineseWithNumberedResults()
    {
        var patron = new WeChatPatron(server.Bot, Phones.NewOpenId());
        var results = (await patron.SayAsync("找 三国")).Contains("“三国”共找到").Contains("三国演义");
        var number = results.Text.Split('\n').First(l => l.Contains(". 三国演义", StringComparison.Ordinal)).Split('.')[0];

        (await patron.SayAsync(number)).Contains("三国演义").Contains("罗贯中");
    }

    [Fact]
    public async Task Search_WhenWeChatFollowerWritesEnglish_AnswersInEnglishDespiteTheChineseHint()
    {
        var patron = new WeChatPatron(server.Bot, Phones.NewOpenId());
        (await patron.SayAsync("search moby dick")).Contains("Herman Melville").Contains("On loan until");
    }

    [Fact]
    public async Task Search_WhenMessageIsJustATitle_SearchesForItAndOpensTheOnlyResult()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("Frankenstein")).Contains("*Frankenstein*").Contains("Mary Shelley").Contains("Available at");
    }

    [Fact]
    public async Task Search_WhenManyResults_PagesFiveAtATimeWithMore()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        var first = (await patron.SayAsync("search fiction")).Contains("(page 1)").Contains("- More results");
        Assert.Equal(6, first.Text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));

        (await patron.TapAsync("more", listRow: true)).Contains("(page 2)");
    }

    [Fact]
    public async Task Search_WhenNothingFound_SuggestsSpellingAndOffersALibrarian()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("search qzxvwqk plimbo"))
            .Contains("I found nothing for \"qzxvwqk plimbo\"").Contains("fewer words").Contains("pass this chat to a librarian");
        (await patron.SayAsync("yes")).Contains("I've asked a librarian");
    }
}
