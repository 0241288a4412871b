namespace LibraryBot.Channels.Outbound;

public sealed record TextMessage(string Text) : OutboundMessage
{
    public override string ToPlainText() => Text;
}
