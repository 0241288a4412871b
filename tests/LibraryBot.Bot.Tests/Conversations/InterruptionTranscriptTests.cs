namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>Menu, cancel, language switches and shortcuts work from the middle of any dialog.</summary>
[Collection(ConversationServerCollection.Name)]
public sealed class InterruptionTranscriptTests(ConversationServer server)
{
    [Fact]
    public async Task Greeting_WhenFirstContact_GreetsAndOffersTheMainActions()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("hello")).Contains("Hello").Contains("\"my loans\", \"renew all\" or \"opening hours\"").DoesNotContain("What would you like to do?");
        (await patron.SayAsync("hi")).Contains("What would you like to do?")
            .Contains("- Search the catalogue").Contains("- My loans and renewals").Contains("- Opening hours").Contains("- My library cards");
    }

    [Fact]
    public async Task Aside_WhenAskedForHoursWhileLinkingACard_AnswersThenAsksForTheCardAgain()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("my loans")).Contains("What is your library card number?");
        (await patron.SayAsync("are you open now?")).Contains("Central Library").Contains("What is your library card number?");
        (await patron.SayAsync("29000100000011")).Contains("And your PIN?");
    }

    [Fact]
    public async Task Prompt_WhenATitleIsTypedInsteadOfACardNumber_SearchesForIt()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("my loans")).Contains("What is your library card number?");
        (await patron.SayAsync("Frankenstein")).Contains("Mary Shelley").DoesNotContain("card number");
    }

    [Fact]
    public async Task Prompt_WhenAMalformedCardNumberIsTyped_SaysWhatACardNumberLooksLike()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("my loans")).Contains("What is your library card number?");
        (await patron.SayAsync("29-00")).Contains("A card number has 5 to 20 digits");
    }

    [Fact]
    public async Task Shortcut_WhenRaIsWrittenWhileChoosingASearchResult_StartsRenewAll()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("search moby dick");
        (await patron.SayAsync("RA")).Contains("I need your library card");
    }

    [Fact]
    public async Task Menu_WhenWrittenWhileWaitingForAPin_ShowsTheMenuAndForgetsTheCard()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("my loans");
        await patron.SayAsync("29000100000011");
        (await patron.SayAsync("menu")).Contains("What would you like to do?").DoesNotContain("PIN");
        (await patron.SayAsync("1234")).DoesNotContain("Thanks, Ana");
    }

    [Fact]
    public async Task Language_WhenSwitchedWhileLinking_ReasksTheQuestionInTheNewLanguage()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("my loans")).Contains("What is your library card number?");
        (await patron.SayAsync("tiếng Việt")).Contains("từ bây giờ tôi sẽ trả lời bằng tiếng Việt").Contains("Số thẻ thư viện của bạn là gì?");
        (await patron.SayAsync("中文")).Contains("以后我会用中文回复你").Contains("请输入你的借书证号");
        (await patron.SayAsync("español")).Contains("te escribo en español").Contains("¿Cuál es el número de tu tarjeta");
    }

    [Fact]
    public async Task Cancel_WhenWrittenInASearchPrompt_StopsTheSearch()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.Spain));
        (await patron.SayAsync("buscar")).Contains("¿Qué quieres buscar?");
        (await patron.SayAsync("cancelar")).Contains("Vale, lo he cancelado.");
        (await patron.SayAsync("horario")).Contains("Central Library");
    }

    [Fact]
    public async Task NotUnderstood_WhenTwoMessagesAreNeitherCommandsNorTitles_OffersALibrarian()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("qzxv plimbo")).Contains("Sorry, I didn't understand \"qzxv plimbo\", and it is not a title in the catalogue.");
        (await patron.SayAsync("wubzo flimbat")).Contains("Would you like me to pass this chat to a librarian?");
        (await patron.SayAsync("no")).Contains("OK, I'll keep helping you myself.");
    }
}
