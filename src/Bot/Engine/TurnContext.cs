using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Understanding;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Engine;

/// <summary>
/// One turn: the activity that started it, the conversation's state (saved when the turn commits), what the message
/// means (<see cref="Interpretation"/>) and the replies it produces (written to the outbox in the same commit). Nothing
/// is sent directly.
/// </summary>
public sealed class TurnContext(Activity activity, ConversationState state, IServiceProvider services, TimeProvider clock, BotText text)
{
    private readonly List<OutboundMessage> _replies = [];

    public Activity Activity { get; } = activity;

    public ConversationState State { get; } = state;

    public IServiceProvider Services { get; } = services;

    public TimeProvider Clock { get; } = clock;

    /// <summary>The bot's strings in the four languages.</summary>
    public BotText Text { get; } = text;

    /// <summary>The patron's language for this turn (falls back to English).</summary>
    public string Locale => State.Locale ?? BotLocales.Default;

    /// <summary>What the patron's message asks, set by the understanding middleware (none for events and receipts).</summary>
    public Interpretation Interpretation { get; set; } = Interpretation.None(null);

    /// <summary>A PIN taken out of this message before it was stored (in memory only, for this turn).</summary>
    public string? Secret { get; init; }

    /// <summary>The whole message was a secret (a PIN typed on its own): it is not written to the transcript.</summary>
    public bool MessageIsSecret { get; init; }

    /// <summary>
    /// Set when the dialog that was waiting could not use the message (a question asked twice, a card the patron
    /// moved on from): the engine then treats the message as a new request.
    /// </summary>
    public bool MessageUnused { get; set; }

    public IReadOnlyList<OutboundMessage> Replies => _replies;

    /// <summary>Set by middleware that handled the turn without the dialogs (e.g. a human owns the chat).</summary>
    public bool Handled { get; set; }

    /// <summary>Set by a dialog or event handler that asks for the conversation's data to be erased after this turn.</summary>
    public ConversationErasure Erase { get; set; }

    public void Send(OutboundMessage message) => _replies.Add(message);

    public void SendText(string text) => _replies.Add(new TextMessage(text));

    /// <summary>Sends a string resource in the patron's language.</summary>
    public void Say(string key, params object?[] args) => SendText(Localize(key, args));

    /// <summary>A string resource in the patron's language, with its arguments (dates written per language).</summary>
    public string Localize(string key, params object?[] args) => Text.Format(key, Locale, args);
}
