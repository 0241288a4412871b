using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Handoff;

namespace LibraryBot.Bot.Tests.Broadcasts;

/// <summary>
/// WhatsApp's rules for marketing, met through the real server and the fake Graph API: outside the 24-hour window only
/// the approved marketing template goes (and without one the patron is left out, with the reason); Meta's per-user
/// marketing limit (131049) counts as a failure by its code; Meta's "stopped marketing" answer (131050) withdraws news
/// in the consent ledger, so the next broadcast leaves the patron out.
/// </summary>
public sealed class BroadcastWhatsAppRulesTests : OutreachServerTest
{
    private const string News = "Story time on Saturday";

    [Fact]
    public async Task OutsideTheWindow_TheMarketingTemplateGoes_WithoutOneThePatronIsLeftOut_AndASecondTheSameDayFailsWith131049()
    {
        var bot = Server.Bot;
        var ana = new WhatsAppPatron(bot, Phones.New(Phones.UnitedStates));
        await BroadcastServer.SignUpAsync(ana, "news", "events");
        await bot.KillAsync();
        Server.MoveLastInbound(ana, TimeSpan.FromHours(25));
        await bot.StartAsync();
        await SignInAgainAsync();

        // No template: left out, with the reason.
        var (plain, plainCreated) = await BroadcastServer.CreateAsync(Outreach, Broadcast(template: false));
        Assert.Equal(0, (int)plainCreated["audienceCount"]!);
        Assert.Equal(1, (int)plainCreated["excluded"]![ExclusionReasons.WhatsAppWindowNoTemplate]!);
        await BroadcastServer.PostAsync(Outreach, plain, "send");
        var plainView = await Server.WaitForStatusAsync(Outreach, plain, "finished");
        Assert.Equal(1, (int)plainView["funnel"]!["excludedByReason"]![ExclusionReasons.WhatsAppWindowNoTemplate]!);
        Assert.Equal(ExclusionReasons.WhatsAppWindowNoTemplate, (string?)(await BroadcastServer.RecipientsAsync(Outreach, plain)).Single()!["reason"]);
        Assert.Equal(0, Server.OutboxRows(plain));

        // With library_news: the template with its parameter.
        var (templated, created) = await BroadcastServer.CreateAsync(Outreach, Broadcast(template: true));
        Assert.Equal(1, (int)created["audienceCount"]!);
        await BroadcastServer.PostAsync(Outreach, templated, "send");
        await Server.WaitForStatusAsync(Outreach, templated, "finished");
        await bot.WaitUntilAsync(() => Task.FromResult(Server.OutboxRows(templated, ana, status: 1) == 1), "the template sent");
        var sent = Assert.Single(await Server.SentToAsync(ana.Id));
        Assert.Equal("template", (string?)sent["type"]);
        Assert.Equal("library_news", (string?)sent["template"]!["name"]);
        var body = sent["template"]!["components"]!.AsArray().Single(c => (string?)c!["type"] == "body")!;
        Assert.Equal(News, (string?)Assert.Single(body["parameters"]!.AsArray())!["text"]);

        // A second marketing template the same UTC day: Meta's per-user limit, reported in the failed receipt.
        var (second, secondCreated) = await BroadcastServer.CreateAsync(Outreach, Broadcast(template: true));
        Assert.Equal(1, (int)secondCreated["audienceCount"]!);
        await BroadcastServer.PostAsync(Outreach, second, "send");
        JsonNode view = null!;
        await bot.WaitUntilAsync(async () =>
        {
            view = JsonNode.Parse(await Outreach.GetStringAsync($"/api/staff/broadcasts/{second}"))!;
            return (int)view["funnel"]!["failed"]! == 1;
        }, "the second template failed");
        Assert.Equal(1, (int)view["funnel"]!["failedByCode"]!["131049"]!);
        Assert.Equal(0, (int)view["funnel"]!["sent"]!);
        var recipient = (await BroadcastServer.RecipientsAsync(Outreach, second)).Single()!;
        Assert.Equal(("failed", "131049"), ((string?)recipient["delivery"], (string?)recipient["errorCode"]));
    }

    [Fact]
    public async Task MetaAnswers131050_NewsIsWithdrawnInTheLedger_AndTheNextBroadcastLeavesThePatronOut()
    {
        var bot = Server.Bot;
        var ana = new WhatsAppPatron(bot, Phones.New(Phones.UnitedStates));
        await BroadcastServer.SignUpAsync(ana, "news", "events");
        // Ana stops marketing messages in WhatsApp (the fake remembers it, our ledger records it), then signs up again
        // with us: our ledger grants news again, while WhatsApp still refuses marketing templates to her.
        using (var stop = await bot.Http.PostAsJsonAsync("/sandbox/whatsapp/marketing-preference", new { from = ana.Id, value = "stop" }, TestContext.Current.CancellationToken))
        {
            Assert.True(stop.IsSuccessStatusCode);
        }

        await bot.WaitUntilAsync(() => Task.FromResult(bot.Scalar("SELECT COUNT(*) FROM consent_events WHERE source = 'ChannelPreference' AND purpose = 'news'") == 1), "ana's stop recorded");
        await BroadcastServer.SignUpAsync(ana, "news", "events");
        Assert.Equal(0, bot.Scalar("SELECT COUNT(*) FROM consent_events WHERE source = 'ChannelError'"));
        // Her window closes (the fake's memory of her stop lives in the server's process, so the file is changed live).
        Server.MoveLastInbound(ana, TimeSpan.FromHours(25));

        var (id, created) = await BroadcastServer.CreateAsync(Outreach, Broadcast(template: true));
        Assert.Equal(1, (int)created["audienceCount"]!);
        await BroadcastServer.PostAsync(Outreach, id, "send");
        await bot.WaitUntilAsync(() => Task.FromResult(bot.Scalar("SELECT COUNT(*) FROM consent_events WHERE source = 'ChannelError' AND purpose = 'news' AND action = 'Withdraw'") == 1),
            "news withdrawn after 131050");
        JsonNode view = null!;
        await bot.WaitUntilAsync(async () =>
        {
            view = JsonNode.Parse(await Outreach.GetStringAsync($"/api/staff/broadcasts/{id}"))!;
            return (int)view["funnel"]!["optedOut"]! == 1 && (int)view["funnel"]!["failed"]! == 1;
        }, "the opt-out in the funnel");
        Assert.Equal(1, (int)view["funnel"]!["failedByCode"]!["131050"]!);

        var (_, next) = await BroadcastServer.CreateAsync(Outreach, Broadcast(template: true));
        Assert.Equal(0, (int)next["audienceCount"]!);
        Assert.Equal(1, (int)next["excluded"]![ExclusionReasons.ChannelError]!);
    }

    private static JsonObject Broadcast(bool template)
    {
        var body = new JsonObject
        {
            ["name"] = "Story time",
            ["audience"] = new JsonObject { ["topics"] = new JsonArray("events") },
            ["content"] = new JsonObject { ["en"] = News + " at 10:00." },
        };
        if (template)
        {
            body["whatsAppTemplate"] = new JsonObject { ["name"] = "library_news", ["parameters"] = new JsonArray(News) };
        }

        return body;
    }
}
