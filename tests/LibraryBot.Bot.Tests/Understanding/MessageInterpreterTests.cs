using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Tests.Understanding;

/// <summary>
/// The messages a new user typed when the product was tried (issue "Conversations that hold up with real patrons"):
/// each must mean what the patron meant, in the four languages, with typos, whole sentences and filler.
/// </summary>
public sealed class MessageInterpreterTests(InterpreterFixture understanding) : IClassFixture<InterpreterFixture>
{
    [Theory]
    [InlineData("can you renew everything?", IntentNames.RenewAll)]
    [InlineData("please renew all my books", IntentNames.RenewAll)]
    [InlineData("renw all", IntentNames.RenewAll)]
    [InlineData("quiero renovar todos mis libros", IntentNames.RenewAll)]
    [InlineData("renueva todo porfa", IntentNames.RenewAll)]
    [InlineData("帮我把书都续借一下", IntentNames.RenewAll)]
    [InlineData("我想 renew all", IntentNames.RenewAll)]
    [InlineData("làm ơn gia hạn hết sách cho tôi", IntentNames.RenewAll)]
    [InlineData("what time do you close today?", IntentNames.Hours)]
    [InlineData("¿a qué hora cierran hoy?", IntentNames.Hours)]
    [InlineData("今天几点关门？", IntentNames.Hours)]
    [InlineData("hôm nay mấy giờ đóng cửa?", IntentNames.Hours)]
    [InlineData("how much do I owe?", IntentNames.Fines)]
    [InlineData("cuánto debo?", IntentNames.Fines)]
    [InlineData("我欠多少钱", IntentNames.Fines)]
    [InlineData("tôi nợ bao nhiêu tiền", IntentNames.Fines)]
    [InlineData("what books do I have out?", IntentNames.Loans)]
    [InlineData("my lons", IntentNames.Loans)]
    [InlineData("mis libros", IntentNames.Loans)]
    [InlineData("hi, my loans", IntentNames.Loans)]
    [InlineData("sách tôi đặt đã có chưa", IntentNames.Holds)]
    [InlineData("librarian", IntentNames.Librarian)]
    [InlineData("👍", IntentNames.SmallTalk)]
    [InlineData("thanks!", IntentNames.SmallTalk)]
    [InlineData("gracias", IntentNames.SmallTalk)]
    [InlineData("谢谢", IntentNames.SmallTalk)]
    [InlineData("cảm ơn bạn", IntentNames.SmallTalk)]
    public async Task Interpret_WhenPatronsWriteAsTheyDo_UnderstandsTheRequest(string message, string intent) =>
        Assert.Equal(intent, (await understanding.InterpretAsync(message)).Intent);

    [Theory]
    [InlineData("do you have moby dick?", "moby dick", null)]
    [InlineData("I'm looking for pride and prejudice", "pride and prejudice", null)]
    [InlineData("frankenstien", "frankenstien", null)]
    [InlineData("search dickens", "dickens", null)]
    [InlineData("buscar pepita jimenez", "pepita jimenez", null)]
    [InlineData("tìm truyện kiều", "truyện kiều", null)]
    [InlineData("我想借三国演义", "三国演义", null)]
    [InlineData("找 红楼梦", "红楼梦", null)]
    [InlineData("books by jane austen", null, "jane austen")]
    [InlineData("libros de galdos", null, "galdos")]
    [InlineData("鲁迅的书", null, "鲁迅")]
    [InlineData("the time machine by hg wells", "the time machine", "hg wells")]
    [InlineData("tienen libros de cocina?", "cocina", null)]
    public async Task Interpret_WhenAPatronLooksForABook_SearchesForTheirWordsOnly(string message, string? terms, string? author)
    {
        var meaning = await understanding.InterpretAsync(message);
        Assert.Equal(IntentNames.Search, meaning.Intent);
        Assert.Equal(terms, meaning.Entities.Terms);
        Assert.Equal(author, meaning.Entities.Author);
    }

    [Theory]
    [InlineData("my card is 29000100000086 and my pin is 2718, what are my loans?", IntentNames.Loans, "29000100000086", "2718")]
    [InlineData("29000100000086 2718", IntentNames.LinkCard, "29000100000086", "2718")]
    [InlineData("29000100000086/2718", IntentNames.LinkCard, "29000100000086", "2718")]
    [InlineData("mi tarjeta es 29000100000086 pin 2718", IntentNames.LinkCard, "29000100000086", "2718")]
    [InlineData("借书证29000100000086 密码2718", IntentNames.LinkCard, "29000100000086", "2718")]
    [InlineData("thẻ của tôi 29000100000086 mã pin 2718", IntentNames.LinkCard, "29000100000086", "2718")]
    public async Task Interpret_WhenACardAndPinAreGivenUnprompted_FindsBoth(string message, string intent, string card, string pin)
    {
        var meaning = await understanding.InterpretAsync(message);
        Assert.Equal(intent, meaning.Intent);
        Assert.Equal(card, meaning.Entities.CardNumber);
        Assert.Equal(pin, meaning.Entities.Pin);
    }

    [Theory]
    [InlineData("hello", "en")]
    [InlineData("horario", "es")]
    [InlineData("xin chào", "vi")]
    [InlineData("xin chao", "vi")]
    [InlineData("你好", "zh-Hans")]
    [InlineData("buscar pepita jimenez", "es")]
    [InlineData("tìm truyện kiều", "vi")]
    [InlineData("我想 renew all", "zh-Hans")]
    public async Task Interpret_WhenTheLanguageIsClear_SaysWhichItIs(string message, string language) =>
        Assert.Equal(language, (await understanding.InterpretAsync(message)).Language);

    [Theory]
    [InlineData("cien años de soledad")]
    [InlineData("moby dick")]
    [InlineData("ok")]
    [InlineData("29000100000011")]
    public async Task Interpret_WhenOnlyATitleOrNothingLanguageSpecific_LeavesTheLanguageAlone(string message) =>
        Assert.Null((await understanding.InterpretAsync(message)).Language);

    [Theory]
    [InlineData("stop")]
    [InlineData("STOP")]
    [InlineData("baja")]
    [InlineData("退订")]
    [InlineData("hủy")]
    public async Task Interpret_WhenAStopWordIsTheWholeMessage_IsAStop(string message) =>
        Assert.Equal(IntentNames.NewsStop, (await understanding.InterpretAsync(message)).Intent);

    [Theory]
    [InlineData("can you stop by the branch on sunday?")]
    [InlineData("la parada del autobús")]
    public async Task Interpret_WhenAStopWordIsPartOfASentence_IsNoStop(string message) =>
        Assert.NotEqual(IntentNames.NewsStop, (await understanding.InterpretAsync(message)).Intent);

    [Fact]
    public async Task Interpret_WhenANameLooksLikeAWord_DoesNotTakeItForThatWord() =>
        Assert.NotEqual(IntentNames.Contact, (await understanding.InterpretAsync("Emily")).Intent);

    [Theory]
    [InlineData("are you open on sunday?", DayOfWeek.Sunday)]
    [InlineData("¿abren el sábado?", DayOfWeek.Saturday)]
    [InlineData("周日开门吗", DayOfWeek.Sunday)]
    [InlineData("chủ nhật có mở cửa không", DayOfWeek.Sunday)]
    public async Task Interpret_WhenADayIsNamed_KeepsItForTheHours(string message, DayOfWeek day)
    {
        var meaning = await understanding.InterpretAsync(message);
        Assert.Equal(IntentNames.Hours, meaning.Intent);
        Assert.Equal(day, meaning.Entities.Day?.Weekday);
    }
}
