using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Engine;

/// <summary>
/// One turn: the activity that started it, the conversation's state (saved when the turn commits) and the replies
/// it produces (written to the outbox in the same commit). Nothing is sent directly.
/// </summary>
public sealed class TurnContext(Activity activity, ConversationState state, IServiceProvider services, TimeProvider clock)
{
    private readonly List<OutboundMessage> _replies = [];

    public Activity Activity { get; } = activity;

    public ConversationState State { get; } = state;

    public IServiceProvider Services { get; } = services;

    public TimeProvider Clock { get; } = clock;

    /// <summary>The patron's language for this turn (falls back to English).</summary>
    public string Locale => State.Locale ?? BotLocales.Default;

    public IReadOnlyList<OutboundMessage> Replies => _replies;

    /// <summary>Set by middleware that handled the turn without the dialogs (e.g. a human owns the chat).</summary>
    public bool Handled { get; set; }

    /// <summary>Set by a dialog or event handler that asks for the conversation's data to be erased after this turn.</summary>
    public ConversationErasure Erase { get; set; }

    public void Send(OutboundMessage message) => _replies.Add(message);

    public void SendText(string text) => _replies.Add(new TextMessage(text));
}
