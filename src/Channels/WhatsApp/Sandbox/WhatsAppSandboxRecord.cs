using System.Text.Json.Nodes;

namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>
/// One request body the fake Graph API accepted: its sequence number, the wamid it answered and the exact JSON; and
/// <see cref="ErrorCode"/> when the message was accepted but not delivered (the failed status webhook's code:
/// 131026, 131049, 131050).
/// </summary>
public sealed record WhatsAppSandboxRecord(long Sequence, string MessageId, DateTimeOffset ReceivedAt, JsonNode Body)
{
    public int? ErrorCode { get; init; }
}
