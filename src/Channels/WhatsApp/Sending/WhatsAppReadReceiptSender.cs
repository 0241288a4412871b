using System.Text.Json.Nodes;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>Marks an inbound message read (blue ticks), optionally showing "typing…" until our reply or 25 s.</summary>
internal sealed class WhatsAppReadReceiptSender(WhatsAppGraphClient client, ILogger<WhatsAppReadReceiptSender> logger) : IReadReceiptSender
{
    public ChannelId Channel => ChannelId.WhatsApp;

    public async Task MarkReadAsync(ConversationRef conversation, string inboundDedupeKey, bool showTyping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["status"] = "read",
            ["message_id"] = inboundDedupeKey,
        };
        if (showTyping)
        {
            body["typing_indicator"] = new JsonObject { ["type"] = "text" };
        }

        var outcome = await client.PostAsync(body, cancellationToken);
        if (outcome.Kind != SendOutcomeKind.Sent)
        {
            WhatsAppLog.MarkReadFailed(logger, WhatsAppLog.Hash(inboundDedupeKey), int.TryParse(outcome.ErrorCode, out var code) ? code : 0);
        }
    }
}
