namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>
/// For <c>POST /sandbox/whatsapp/marketing-preference</c>: the patron's number (<c>from</c>, digits), <c>value</c>
/// <c>stop</c> or <c>resume</c>, and optionally the profile <c>name</c> sent in the webhook.
/// </summary>
public sealed record WhatsAppMarketingPreference(string? From, string? Value, string? Name = null);
