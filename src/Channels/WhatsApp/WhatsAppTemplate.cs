namespace LibraryBot.Channels.WhatsApp;

/// <summary>
/// One approved WhatsApp template for one notification kind in one language: its <see cref="Name"/>, the exact
/// <see cref="Language"/> code it was approved in (for example <c>en_US</c>) and the names of the
/// <see cref="Outbound.TemplateNotification.Parameters"/> that fill its body placeholders {{1}}, {{2}}… in order.
/// </summary>
public sealed class WhatsAppTemplate
{
    public string Name { get; set; } = "";

    public string Language { get; set; } = "";

    public List<string> Parameters { get; set; } = [];

    /// <summary>How many quick-reply buttons the approved template has; their payloads are the notification's reply ids, in order.</summary>
    public int QuickReplyButtons { get; set; }
}
