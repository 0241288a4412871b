namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>Holds through the real webhooks: place from a record with a pickup branch, list, cancel with confirmation.</summary>
[Collection(ConversationServerCollection.Name)]
public sealed class HoldsTranscriptTests(ConversationServer server)
{
    [Fact]
    public async Task PlaceHold_WhenSpanishPatronHoldsFromARecord_LinksTheCardThenOffersTheHomeBranchFirst()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.Spain));
        var record = (await patron.SayAsync("buscar frankenstein")).Contains("Mary Shelley");
        (await patron.TapAsync(WhatsAppPatron.ChoiceId(record, "Reservar"))).Contains("¿Cuál es el número de tu tarjeta");
        await patron.SayAsync("29000100000029");

        var pickup = (await patron.SayAsync("2468")).Contains("¡Gracias, Wei!").Contains("¿Dónde quieres recoger «Frankenstein»? Tu sede, Jade Street Branch, aparece primero.");
        Assert.Equal("[Jade Street Branch]", pickup.Messages[^1].Split('\n')[1]);
        (await patron.TapAsync("jade-street")).Contains("¡Hecho! «Frankenstein» está reservado para ti, para recoger en Jade Street Branch.");

        var holds = (await patron.SayAsync("mis reservas")).Contains("Wei, tus reservas:").Contains("红楼梦 — en espera").Contains("Frankenstein");
        var cancel = WhatsAppPatron.ChoiceId(holds, "Cancelar: Frankenstein");
        (await patron.TapAsync(cancel, listRow: true)).Contains("¿Cancelo tu reserva de «Frankenstein»?");
        (await patron.SayAsync("sí")).Contains("Tu reserva de «Frankenstein» está cancelada.");
        (await patron.SayAsync("mis reservas")).DoesNotContain("Frankenstein");
    }

    [Fact]
    public async Task MyHolds_WhenAnaHasHoldsInEveryState_ShowsStatusPickupReadyUntilAndQueue()
    {
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("my holds");
        await patron.SayAsync("29000100000011");
        (await patron.SayAsync("1234"))
            .Contains("Ana, your holds:")
            .Contains("Moby-Dick — waiting, number 2 in the queue, pick up at Riverside Branch")
            .Contains("Số đỏ — on its way to Central Library")
            .Contains("Pepita Jiménez — READY at Central Library until")
            .Contains("Keep them all");
    }

    [Fact]
    public async Task PlaceHold_WhenTheTitleIsAlreadyOnLoan_GivesTheLibrarysReasonInChinese()
    {
        var patron = new WeChatPatron(server.Bot, Phones.NewOpenId());
        (await patron.SayAsync("找 水浒传")).Contains("水浒传").Contains("施耐庵");
        (await patron.SayAsync("预约")).Contains("请输入你的借书证号");
        await patron.SayAsync("29000100000045");
        var pickup = (await patron.SayAsync("8080")).Contains("你想在哪里领取《水浒传》？").Contains("你的分馆（Jade Street Branch）排在第一位").Contains("1. Jade Street Branch");
        (await patron.SayAsync("1")).Contains("《水浒传》预约失败：你已预约或借阅了此书（图书馆系统原文：“You already have this title on loan.”）");
    }
}
