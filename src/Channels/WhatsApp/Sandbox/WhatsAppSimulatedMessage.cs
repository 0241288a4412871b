namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>
/// A patron message for <c>POST /sandbox/whatsapp/simulate</c>: <c>from</c> (digits) and <c>name</c> plus one of
/// <c>text</c>; <c>choiceId</c> and <c>choiceTitle</c>; or <c>latitude</c> and <c>longitude</c>.
/// </summary>
public sealed record WhatsAppSimulatedMessage(
    string? From,
    string? Name,
    string? Text = null,
    string? ChoiceId = null,
    string? ChoiceTitle = null,
    double? Latitude = null,
    double? Longitude = null);
