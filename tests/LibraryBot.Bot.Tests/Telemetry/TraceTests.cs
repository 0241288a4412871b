using System.Text;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Telemetry;

/// <summary>
/// With an OTLP endpoint set, one patron message is one trace: webhook → inbox store → turn (with its catalogue call)
/// → outbox send → the Graph API call, linked through the trace context stored with the inbox entry and the reply;
/// and nothing exported holds the patron's number or words.
/// </summary>
public sealed class TraceTests
{
    private const string Phone = "15550108888";

    [Fact]
    public async Task Traces_WhenOtlpIsEnabled_FollowAMessageFromWebhookToSendWithoutPersonalData()
    {
        await using var collector = new OtlpCollector();
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Telemetry__Otlp__Endpoint"] = collector.Endpoint.ToString(),
            ["Telemetry__Otlp__Protocol"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });

        await new WhatsAppPatron(bot, Phone).SayAsync("search moby dick");

        IReadOnlyList<OtlpSpan> spans = [];
        OtlpSpan? send = null;
        await bot.WaitUntilAsync(() =>
        {
            spans = collector.Spans;
            send = spans.FirstOrDefault(s => s.Name == "outbox send" && spans.Any(t => t.Name == "turn" && t.SpanId == s.ParentSpanId && t.Attributes["librarybot.activity.type"] == "Message"));
            return Task.FromResult(send is not null && collector.Exports.Any(e => e.Path == "/v1/metrics"));
        }, "the trace of the message up to its reply's send");

        var turn = spans.Single(s => s.SpanId == send!.ParentSpanId);
        var store = spans.Single(s => s.SpanId == turn.ParentSpanId);
        var webhook = spans.Single(s => s.SpanId == store.ParentSpanId);
        var request = spans.Single(s => s.SpanId == webhook.ParentSpanId);
        Assert.Equal(("inbox store", "webhook whatsapp", "POST /webhooks/whatsapp"), (store.Name, webhook.Name, request.Name));
        Assert.All([turn, store, webhook, request], s => Assert.Equal(send!.TraceId, s.TraceId));
        Assert.Equal(turn.Attributes["librarybot.activity.id"], send!.Attributes["librarybot.activity.id"]);
        Assert.Equal(("whatsapp", "Completed", "Sent"), (turn.Attributes["librarybot.channel"], turn.Attributes["librarybot.outcome"], send.Attributes["librarybot.outcome"]));
        Assert.Contains(spans, s => s.Name == "catalogue search" && s.ParentSpanId == turn.SpanId && s.Attributes["librarybot.catalogue.adapter"] == "embedded");
        Assert.Contains(spans, s => s.ParentSpanId == send.SpanId && s.Attributes.GetValueOrDefault("url.full", "").EndsWith("/messages", StringComparison.Ordinal));

        var exported = string.Concat(collector.Exports.Select(e => Encoding.Latin1.GetString(e.Body)));
        Assert.DoesNotContain(Phone, exported, StringComparison.Ordinal);
        Assert.DoesNotContain("moby", exported, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("access_token", exported, StringComparison.Ordinal);
    }
}
