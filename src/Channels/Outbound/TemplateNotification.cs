namespace LibraryBot.Channels.Outbound;

/// <summary>
/// A notice sent by an approved template (WhatsApp) or template message (WeChat service account).
/// <see cref="Parameters"/> are named; each channel's template map says their order.
/// <see cref="Text"/> is the same notice as free text, used where free-form is allowed.
/// </summary>
public sealed record TemplateNotification(
    NotificationKind Kind,
    IReadOnlyDictionary<string, string> Parameters,
    string Text) : OutboundMessage
{
    public override string ToPlainText() => Text;
}
