namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>A patron's WhatsApp number (wa_id: digits, no +) given to a sandbox control.</summary>
public sealed record WhatsAppNumber(string? Number);
