namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>
/// What broke when the product was tried as a new user would (issue "Conversations that hold up with real patrons"),
/// through the real webhooks: each test failed on the code before the understanding layer.
/// </summary>
[Collection(ConversationServerCollection.Name)]
public sealed class RealPatronTranscriptTests(ConversationServer server)
{
    [Theory]
    [InlineData(Phones.UnitedStates, "moby dick", "search dickens", "Great Expectations")]
    [InlineData(Phones.Spain, "buscar don quijote", "buscar pepita jimenez", "Juan Valera")]
    [InlineData(Phones.VietNam, "tìm số đỏ", "tìm truyện kiều", "Nguyễn Du")]
    public async Task SecondSearch_WhenARecordIsOpen_SearchesTheNewWords(string country, string first, string second, string found)
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(country));
        await patron.SayAsync(first);
        (await patron.SayAsync(second)).Contains(found).DoesNotContain("not a title");
    }

    [Theory]
    [InlineData(Phones.UnitedStates, "do you have frankenstien?", "so I searched for \"frankenstein\"")]
    [InlineData(Phones.UnitedStates, "frankenstien", "so I searched for \"frankenstein\"")]
    [InlineData(Phones.Spain, "tienen frankenstien?", "así que he buscado «frankenstein»")]
    [InlineData(Phones.China, "有frankenstien吗", "我帮您搜索了“frankenstein”")]
    [InlineData(Phones.VietNam, "có frankenstien không", "nên tôi đã tìm \"frankenstein\"")]
    public async Task Search_WhenATitleHasATypo_FindsItAndSaysWhatWasSearched(string country, string message, string said)
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(country));
        (await patron.SayAsync(message)).Contains(said).Contains("Mary Shelley");
    }

    [Fact]
    public async Task SecondSearch_WhenTheMenuOrAResultListIsOpen_SearchesTheNewWords()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("menu");
        (await patron.SayAsync("search dickens")).Contains("Great Expectations");
        (await patron.SayAsync("search frankenstein")).Contains("Mary Shelley").DoesNotContain("not a title");
    }

    [Fact]
    public async Task RenewQuestion_WhenThePatronAsksSomethingElse_ServesItInsteadOfRefusing()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("my loans");
        await patron.SayAsync("29000100000037");
        (await patron.SayAsync("1357")).Contains("Would you like to renew?");
        (await patron.SayAsync("what books do I have out?")).Contains("Lan, your loans:").DoesNotContain("didn't understand");
        (await patron.SayAsync("my lons")).Contains("Lan, your loans:").DoesNotContain("didn't understand");
        (await patron.SayAsync("how much do I owe?")).Contains("Lan, you don't owe anything.").Contains("One of your loans is overdue").DoesNotContain("didn't understand");
        (await patron.SayAsync("mis libros")).Contains("tus préstamos").DoesNotContain("Let's leave that");
    }

    [Fact]
    public async Task DoneButton_WhenTapped_IsAnswered()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("my loans");
        await patron.SayAsync("29000100000037");
        var loans = await patron.SayAsync("1357");
        (await patron.TapAsync(WhatsAppPatron.ChoiceId(loans, "Done"))).Contains("Write whenever you need something else");
    }

    [Fact]
    public async Task LibrarianQuestion_WhenAnotherRequestArrives_ServesItAndAskingTwiceIsAYes()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("librarian")).Contains("Would you like me to pass this chat to a librarian?");
        (await patron.SayAsync("are you open now?")).Contains("Central Library").DoesNotContain("didn't understand");
        (await patron.SayAsync("librarian")).Contains("I've asked a librarian").DoesNotContain("Would you like me to pass");
    }

    [Theory]
    [InlineData("👍")]
    [InlineData("thanks!")]
    public async Task EmojiAndThanks_WhenSent_AreAnsweredKindlyWithoutASearchOrALibrarianOffer(string message)
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("hello");
        (await patron.SayAsync(message)).DoesNotContain("not a title").DoesNotContain("librarian?");
        (await patron.SayAsync(message)).DoesNotContain("not a title").DoesNotContain("librarian?");
    }

    [Fact]
    public async Task RetryAfterALanguageSwitch_IsAllInTheNewLanguage()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("hi");
        await patron.SayAsync("español");
        (await patron.SayAsync("menu")).Contains("¿Qué te gustaría hacer?");
        (await patron.SayAsync("???!!")).Contains("Perdona, no lo he entendido. ¿Qué te gustaría hacer?").DoesNotContain("What would you like");
    }

    [Fact]
    public async Task XinChao_OnWeChat_IsAnsweredInVietnamese()
    {
        var patron = new WeChatPatron(server.Bot, Phones.NewOpenId());
        (await patron.SayAsync("xin chào")).Contains("Xin chào").DoesNotContain("你好");
    }

    [Fact]
    public async Task Horario_AfterThreeEnglishMessages_IsAnsweredInSpanish()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("hello");
        await patron.SayAsync("search moby dick");
        await patron.SayAsync("are you open now?");
        (await patron.SayAsync("horario")).Contains("Escribe «dirección»").DoesNotContain("Write \"address\"");
    }

    [Fact]
    public async Task UnpromptedCardAndPin_LinkTheCardAndAnswerTheRequest()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("my card is 29000100000086 and my pin is 2718, what are my loans?"))
            .Contains("Thanks, Priya!").Contains("please delete the message with your PIN").Contains("Priya, your loans:").Contains("Middlemarch");
    }

    [Fact]
    public async Task DeleteMyData_WhenConfirmed_TheConfirmationArrivesAndAnEarlierStopStillHolds()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("STOP")).Contains("Write START to receive news again.");
        // The ledger keeps only a keyed hash of the address: take the one the STOP was just recorded under.
        var hash = server.Bot.Text("SELECT address_hash FROM consent_events WHERE source = 'StopWord' ORDER BY id DESC LIMIT 1");
        (await patron.SayAsync("delete my data")).Contains("Delete everything");
        (await patron.SayAsync("yes")).Contains("your data has been deleted");
        Assert.Equal("Withdraw", server.Bot.Text($"SELECT action FROM consent_events WHERE address_hash = '{hash}' AND purpose = 'news' ORDER BY id DESC LIMIT 1"));
        Assert.Equal(0L, server.Bot.Scalar($"SELECT COUNT(*) FROM consent_events WHERE address_hash = '{hash}' AND action = 'Grant'"));
    }

    [Fact]
    public async Task HuyAtAQuestion_AnswersTheQuestionAndDoesNotUnsubscribe()
    {
        // "Bạn có muốn hủy cuốn nào không?" (cancel one of your holds?) — "hủy" is "cancel", an answer to that question.
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.VietNam));
        await patron.SayAsync("sách tôi đặt");
        await patron.SayAsync("29000100000037");
        (await patron.SayAsync("1357")).Contains("Bạn có muốn hủy cuốn nào không?");
        (await patron.SayAsync("hủy")).Contains("Giông tố").DoesNotContain("không nhận tin tức");
        (await patron.SayAsync("không")).Contains("giữ");
        Assert.Equal(0, server.Bot.Scalar($"SELECT COUNT(*) FROM conversations WHERE conversation_key LIKE '%{patron.Id}' AND state_json LIKE '%marketing.optout%'"));
    }

    [Fact]
    public async Task OverdueCopy_ReadsOverdueNotOnLoanUntilAPastDate()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("search tat den")).Contains("overdue since").DoesNotContain("On loan until November");
    }

    [Theory]
    [InlineData(Phones.UnitedStates, "how much do I owe?", "$2.50")]
    [InlineData(Phones.Spain, "cuánto debo", "2,50 US$")]
    [InlineData(Phones.China, "我欠多少钱", "US$2.50")]
    public async Task Fines_AreWrittenInTheUsualFormOfTheLanguage(string country, string ask, string amount)
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(country));
        await patron.SayAsync(ask);
        await patron.SayAsync("29000100000011");
        (await patron.SayAsync("1234")).Contains(amount).DoesNotContain("2.50 USD");
    }

    [Fact]
    public async Task ChineseRenewalReason_MarksTheLibrarysOwnWords()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.China));
        await patron.SayAsync("全部续借");
        await patron.SayAsync("29000100000086");
        (await patron.SayAsync("2718")).Contains("图书馆系统原文：“").DoesNotContain("上限 — ");
    }
}
