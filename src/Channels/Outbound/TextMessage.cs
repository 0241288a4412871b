namespace LibraryBot.Channels.Outbound;

/// <summary>
/// Plain words, optionally with a picture (an absolute http(s) URL). WhatsApp shows the picture with the words as its
/// caption; channels that cannot send a picture by link (WeChat customer-service messages, SMS) put the link on the
/// last line instead.
/// </summary>
public sealed record TextMessage(string Text, string? ImageUrl = null) : OutboundMessage
{
    public override string ToPlainText() => string.IsNullOrWhiteSpace(ImageUrl) ? Text : $"{Text}\n{ImageUrl.Trim()}";
}
