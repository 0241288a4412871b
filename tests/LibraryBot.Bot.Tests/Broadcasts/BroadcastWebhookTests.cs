using System.Net.Http.Json;
using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Handoff;

namespace LibraryBot.Bot.Tests.Broadcasts;

/// <summary>
/// Broadcasts through the real server: patrons sign up (or not) through the signed WhatsApp webhook, an outreach account
/// writes and sends through the staff API, and what each patron gets is what the fake Graph API received. Each test
/// has its own server: a broadcast reaches every subscriber of a server.
/// </summary>
public sealed class BroadcastWebhookTests : OutreachServerTest
{
    [Fact]
    public async Task Events_ReachOnlyPatronsSignedUpForThem_InTheirLanguage_AndTheFunnelCountsTheRest()
    {
        var bot = Server.Bot;
        var ana = new WhatsAppPatron(bot, Phones.New(Phones.Spain));
        var ben = new WhatsAppPatron(bot, Phones.New(Phones.UnitedStates));
        var chi = new WhatsAppPatron(bot, Phones.New(Phones.UnitedStates));
        var dan = new WhatsAppPatron(bot, Phones.New(Phones.UnitedStates));
        var eva = new WhatsAppPatron(bot, Phones.New(Phones.UnitedStates));
        var fay = new WhatsAppPatron(bot, Phones.New(Phones.UnitedStates));
        await BroadcastServer.SignUpAsync(ana, "noticias", "events");
        await BroadcastServer.SignUpAsync(ben, "news", "new-books");
        await BroadcastServer.SignUpAsync(chi, "news", "events");
        await chi.SayAsync("STOP");
        await BroadcastServer.SignUpAsync(dan, "news", "events");
        await dan.SayAsync("STOP");
        await dan.SayAsync("delete my data");
        await dan.TapAsync("yes");
        await BroadcastServer.SignUpAsync(eva, "news", "events");
        using (var stop = await bot.Http.PostAsJsonAsync("/sandbox/whatsapp/marketing-preference", new { from = eva.Id, value = "stop" }, TestContext.Current.CancellationToken))
        {
            Assert.True(stop.IsSuccessStatusCode);
        }

        await bot.WaitUntilAsync(() => Task.FromResult(bot.Scalar("SELECT COUNT(*) FROM consent_events WHERE source = 'ChannelPreference' AND purpose = 'news'") == 1), "eva's stop recorded");
        await BroadcastServer.SignUpAsync(fay, "tin tức", "events");

        var (id, created) = await BroadcastServer.CreateAsync(Outreach, new
        {
            name = "Story time",
            audience = new { topics = new[] { "events" } },
            content = new { en = "Story time on Saturday at 10:00.", es = "Cuentacuentos el sábado a las 10:00.", vi = "Giờ kể chuyện lúc 10:00 thứ Bảy." },
        });
        Assert.Equal(2, (int)created["audienceCount"]!);
        // Dan's "delete my data" took his number off the sign-up list: he is in no audience any more (his STOP stays in the ledger as a hash).
        Assert.Equal(1, (int)created["excluded"]![ExclusionReasons.Stop]!);
        Assert.Equal(1, (int)created["excluded"]![ExclusionReasons.ChannelPreference]!);
        Assert.Equal(1, (int)created["excluded"]![ExclusionReasons.NoConsent]!);

        await BroadcastServer.PostAsync(Outreach, id, "send");
        (await Server.ReceiveAsync(ana, id))
            .Contains("Cuentacuentos el sábado a las 10:00.").Contains("Noticias de Alder Bay Public Library. Responde BAJA").DoesNotContain("Story time");
        (await Server.ReceiveAsync(fay, id))
            .Contains("Giờ kể chuyện lúc 10:00 thứ Bảy.").Contains("Trả lời HỦY");

        var view = await Server.WaitForStatusAsync(Outreach, id, "finished");
        foreach (var left in new[] { ben, chi, dan, eva })
        {
            Assert.Equal(0, bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{BroadcastKeys.DedupeKey(id, BroadcastServer.WhatsAppKey(left))}'"));
        }

        var funnel = view["funnel"]!;
        Assert.Equal((2, 2, 0, 3), ((int)funnel["audience"]!, (int)funnel["sent"]!, (int)funnel["failed"]!, (int)funnel["excluded"]!));
        Assert.Equal(1, (int)funnel["excludedByReason"]![ExclusionReasons.Stop]!);
    }

    [Fact]
    public async Task Picture_ReachesAWhatsAppPatronAsAnImageWithTheWordsAsCaption()
    {
        var ana = new WhatsAppPatron(Server.Bot, Phones.New(Phones.Spain));
        await BroadcastServer.SignUpAsync(ana, "noticias", "events");

        var (id, _) = await BroadcastServer.CreateAsync(Outreach, new
        {
            name = "Story time poster",
            audience = new { topics = new[] { "events" } },
            content = new { en = "Story time on Saturday.", es = "Cuentacuentos el sábado." },
            imageUrl = "https://images.example/story-time.png",
            link = "https://library.example/events",
        });
        await BroadcastServer.PostAsync(Outreach, id, "send");

        var turn = await Server.ReceiveAsync(ana, id);
        var image = Assert.Single(turn.Raw, r => r["body"]?["type"]?.GetValue<string>() == "image")["body"]!["image"]!;
        Assert.Equal("https://images.example/story-time.png", (string?)image["link"]);
        Assert.StartsWith("Cuentacuentos el sábado.\nhttps://library.example/events\n\nNoticias de Alder Bay Public Library.", (string?)image["caption"], StringComparison.Ordinal);
        Assert.DoesNotContain("story-time.png", (string?)image["caption"], StringComparison.Ordinal);
        await Server.WaitForStatusAsync(Outreach, id, "finished");
    }
}
