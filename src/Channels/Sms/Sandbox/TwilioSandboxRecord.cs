namespace LibraryBot.Channels.Sms.Sandbox;

/// <summary>
/// One SMS the fake Twilio API accepted (or, <paramref name="Automatic"/>, one Twilio itself sends, such as its answer
/// to STOP): sequence number, message SID, when, the numbers and the text.
/// </summary>
public sealed record TwilioSandboxRecord(long Sequence, string Sid, DateTimeOffset ReceivedAt, string To, string From, string Body, bool Automatic);
