namespace LibraryBot.Channels.Sms.Webhooks;

/// <summary>A signed Twilio webhook lacks a field we need; the message names the field, never a value.</summary>
public sealed class SmsPayloadException(string message) : Exception(message);
