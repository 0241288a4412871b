using System.Text.Json.Nodes;

namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>One request body the fake Graph API accepted: its sequence number, the wamid it answered and the exact JSON.</summary>
public sealed record WhatsAppSandboxRecord(long Sequence, string MessageId, DateTimeOffset ReceivedAt, JsonNode Body);
