using LibraryBot.Channels.Activities;

namespace LibraryBot.Channels.Abstractions;

/// <summary>
/// Tells the patron their message was seen (and, where the channel can, that a reply is being typed). Best effort:
/// failures are logged, never thrown. Channels without read receipts register none.
/// </summary>
public interface IReadReceiptSender
{
    ChannelId Channel { get; }

    Task MarkReadAsync(ConversationRef conversation, string inboundDedupeKey, bool showTyping, CancellationToken cancellationToken);
}
