using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Handoff;

/// <summary>A conversation waiting for or owned by a librarian, as read from its state (no message text).</summary>
public sealed record QueueItem(
    string ConversationKey,
    ConversationRef Conversation,
    string Locale,
    EscalationReason? Reason,
    string? Detail,
    DateTimeOffset? RequestedAt,
    string? Owner,
    DateTimeOffset? LastInboundAt,
    string? PatronName)
{
    public string Id => ConversationIds.Encode(ConversationKey);

    public ChannelId Channel => Conversation.Channel;

    public static QueueItem FromState(string conversationKey, ConversationRef conversation, ConversationState state) =>
        new(conversationKey, conversation, state.Escalation?.Locale ?? state.Locale ?? BotLocales.Default, state.Escalation?.Reason,
            state.Escalation?.Detail, state.Escalation?.RequestedAt, state.HandoffOwner, state.LastInboundAt,
            state.Values.GetValueOrDefault(HandoffKeys.PatronName));
}
