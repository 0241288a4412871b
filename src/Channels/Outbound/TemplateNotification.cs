namespace LibraryBot.Channels.Outbound;

/// <summary>
/// A notice sent by an approved template (WhatsApp) or template message (WeChat service account).
/// <see cref="Parameters"/> are named; each channel's template map says their order.
/// <see cref="Text"/> is the same notice as free text, used where free-form is allowed. <see cref="Replies"/> are quick
/// replies the patron can tap to act on it ("Renew"): buttons in free form, the template's quick-reply buttons (their
/// payloads, in order) outside the window; channels without buttons rely on the text saying what to write.
/// </summary>
public sealed record TemplateNotification(
    NotificationKind Kind,
    IReadOnlyDictionary<string, string> Parameters,
    string Text,
    IReadOnlyList<Choice>? Replies = null,
    ExplicitTemplate? Template = null) : OutboundMessage
{
    public override string ToPlainText() => Text;
}
