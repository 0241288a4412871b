namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>Card linking, loans and renewals through the real webhooks, with the demo library's cards (docs/demo-library.md).</summary>
[Collection(ConversationServerCollection.Name)]
public sealed class AccountTranscriptTests(ConversationServer server)
{
    [Fact]
    public async Task MyLoans_WhenNoCardIsLinked_LinksTheCardThenResumesWithTheLoans()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        (await patron.SayAsync("my loans")).Contains("I need your library card").Contains("What is your library card number?");
        (await patron.SayAsync("2900 0100 0000 29")).Contains("And your PIN?");

        (await patron.SayAsync("2468"))
            .Contains("Thanks, Wei! Card ••••0029 is linked")
            .Contains("please delete the message with your PIN")
            .Contains("Wei, your loans:").Contains("Moby-Dick — due").Contains("三国演义")
            .Contains("[Renew all]");
    }

    [Fact]
    public async Task RenewAll_WhenAnaRenewsEverything_AnswersItemByItemWithTheLibrarysReasons()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("RA");
        await patron.SayAsync("29000100000011");
        var renewed = await patron.SayAsync("1234");

        renewed.Contains("Renewals, item by item:")
            .Contains("✅ Pride and Prejudice — now due")
            .Contains("❌ Don Quijote de la Mancha — not renewed: it has been renewed as many times as allowed (the library system says: “Item has reached the renewal limit (3)”)")
            .Contains("❌ 红楼梦 — not renewed: another reader is waiting for it (the library system says: “Item is on hold for another patron and cannot be renewed”)")
            .Contains("of 5 renewed.");
    }

    [Fact]
    public async Task RenewAll_WhenSpanishPatronHasOverdueLoans_AnswersItemByItemInSpanish()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.Spain));
        (await patron.SayAsync("renovar todo")).Contains("¿Cuál es el número de tu tarjeta");
        await patron.SayAsync("29000100000078");
        (await patron.SayAsync("2222"))
            .Contains("¡Gracias, Minh!")
            .Contains("Renovaciones, uno por uno:")
            .Contains("Lều chõng").Contains("Don Juan Tenorio");
    }

    [Fact]
    public async Task Renew_WhenChinesePatronUsesRl_ListsRenewableLoansAndRenewsTheChosenOne()
    {
        var patron = new WeChatPatron(server.Bot, Phones.NewOpenId());
        (await patron.SayAsync("RL")).Contains("请输入你的借书证号");
        (await patron.SayAsync("29000100000045")).Contains("请输入密码");
        (await patron.SayAsync("8080")).Contains("谢谢，Mei！").Contains("续借哪一本？").Contains("水浒传").DoesNotContain("please delete");
        (await patron.SayAsync("水浒传")).Contains("✅ 水浒传 — 新的应还日期");
    }

    [Fact]
    public async Task RenewAll_WhenChinesePatronWritesOnWhatsApp_TranslatesTheReasonAndKeepsTheLibrarysWords()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.China));
        (await patron.SayAsync("全部续借")).Contains("查看账户需要先绑定借书证").Contains("请输入你的借书证号。");
        await patron.SayAsync("29000100000060");
        (await patron.SayAsync("3141"))
            .Contains("谢谢，Emily！借书证 ••••0060 已绑定到本对话。")
            .Contains("为了安全，请在聊天中删除包含密码的那条消息")
            .Contains("续借结果（逐本）：")
            .Contains("✅ The Secret Garden — 新的应还日期")
            .Contains("❌ Winnie-the-Pooh — 未续借：已达到续借次数上限（图书馆系统原文：“Item has reached the renewal limit (3)”）");
    }

    [Fact]
    public async Task Loans_WhenVietnamesePatronHasOverdueLoans_MarksThemOverdue()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.VietNam));
        (await patron.SayAsync("sách đang mượn")).Contains("Số thẻ thư viện của bạn là gì?");
        await patron.SayAsync("29000100000037");
        (await patron.SayAsync("1357")).Contains("Cảm ơn Lan!").Contains("Tắt đèn").Contains("QUÁ HẠN").Contains("Chí Phèo");
    }

    [Fact]
    public async Task Link_WhenCardIsExpired_ShowsTheLibrarysMessageAndLinksNothing()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("link card");
        await patron.SayAsync("29000100000102");
        (await patron.SayAsync("5555")).Contains("The library could not link this card").Contains("expired");
        (await patron.SayAsync("my cards")).Contains("No card is linked to this chat yet.");
    }

    [Fact]
    public async Task Link_WhenPinIsWrongFiveTimes_LocksLinkingForAWhile()
    {
        // Its own server: the lock is on the card, whatever the chat, and other tests' patrons use this card.
        await using var bot = await LibraryBot.Bot.Tests.Support.BotProcess.StartAsync();
        var patron = new WhatsAppPatron(bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("link card");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await patron.SayAsync("29000100000086");
            (await patron.SayAsync("0000")).Contains($"(attempts left: {5 - attempt})");
        }

        await patron.SayAsync("29000100000086");
        (await patron.SayAsync("0000")).Contains("Too many wrong PINs").Contains("minutes");
        (await patron.SayAsync("link card")).Contains("Too many wrong PINs").DoesNotContain("card number?");
    }

    [Fact]
    public async Task Cards_WhenAFamilyLinksTwoCards_SwitchesAndUnlinksWithMaskedNumbers()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("link card");
        await patron.SayAsync("29000100000060");
        (await patron.SayAsync("3141")).Contains("Thanks, Emily! Card ••••0060 is linked");
        await patron.SayAsync("link another card");
        await patron.SayAsync("29000100000052");
        (await patron.SayAsync("9999")).Contains("Thanks, Carlos!");

        var cards = (await patron.SayAsync("switch card")).Contains("Use Emily (••••0060)").Contains("Use Carlos (••••0052) ✓").DoesNotContain("29000100000060");
        (await patron.TapAsync(WhatsAppPatron.ChoiceId(cards, "Emily"), listRow: true)).Contains("Now using Emily's card ••••0060.");
        (await patron.SayAsync("my loans")).Contains("Emily, your loans:").Contains("Winnie-the-Pooh");

        await patron.SayAsync("unlink");
        var confirm = await patron.SayAsync("Emily");
        confirm.Contains("Unlink Emily's card ••••0060 from this chat?");
        (await patron.SayAsync("yes")).Contains("card ••••0060 is no longer linked");
        (await patron.SayAsync("my holds")).Contains("Carlos, you have no holds.");
    }
}
