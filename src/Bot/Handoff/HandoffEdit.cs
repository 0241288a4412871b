using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Handoff;

/// <summary>One staff change to a conversation: its freshly loaded state, the messages to send, the transcript notes.</summary>
public sealed class HandoffEdit(ConversationState state, DateTimeOffset now)
{
    public ConversationState State { get; } = state;

    public DateTimeOffset Now { get; } = now;

    public List<(OutboundMessage Message, TranscriptAuthor Author)> Messages { get; } = [];

    public List<string> Notes { get; } = [];

    public void Send(OutboundMessage message, TranscriptAuthor author) => Messages.Add((message, author));
}
