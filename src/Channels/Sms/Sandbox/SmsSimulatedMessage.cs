namespace LibraryBot.Channels.Sms.Sandbox;

/// <summary>A patron's text for <c>POST /sandbox/sms/simulate</c>: <c>from</c> (E.164) and <c>text</c>.</summary>
public sealed record SmsSimulatedMessage(string? From, string? Text);
