using System.Text.Json.Nodes;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Tests.WhatsApp.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Channels.Tests.WhatsApp;

public sealed class WhatsAppReadReceiptSenderTests : IDisposable
{
    private readonly SenderHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task MarkReadAsync_WhenTyping_PostsStatusReadWithTypingIndicatorAndNoRecipient()
    {
        harness.Graph.Raw(System.Net.HttpStatusCode.OK, """{"success":true}""");
        var receipts = harness.Services.GetServices<IReadReceiptSender>().Single(r => r.Channel == ChannelId.WhatsApp);

        await receipts.MarkReadAsync(new ConversationRef(ChannelId.WhatsApp, "106540352242922", SenderHarness.Patron), "wamid.IN1", showTyping: true, TestContext.Current.CancellationToken);

        var body = Assert.Single(harness.Graph.Requests).Body;
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"messaging_product":"whatsapp","status":"read","message_id":"wamid.IN1","typing_indicator":{"type":"text"}}"""),
            body));
    }

    [Fact]
    public async Task MarkReadAsync_WhenMetaRejects_DoesNotThrow()
    {
        harness.Graph.Error(131009);
        var receipts = harness.Services.GetServices<IReadReceiptSender>().Single();
        await receipts.MarkReadAsync(new ConversationRef(ChannelId.WhatsApp, "1", SenderHarness.Patron), "wamid.OLD", showTyping: false, TestContext.Current.CancellationToken);
        Assert.False(Assert.Single(harness.Graph.Requests).Body.ContainsKey("typing_indicator"));
    }
}
