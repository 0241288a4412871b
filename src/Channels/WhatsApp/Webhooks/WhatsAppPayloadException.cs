namespace LibraryBot.Channels.WhatsApp.Webhooks;

/// <summary>The webhook body is JSON but not shaped like Meta's envelope; the message says what is wrong.</summary>
public sealed class WhatsAppPayloadException(string message) : Exception(message);
