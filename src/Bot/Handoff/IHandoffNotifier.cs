namespace LibraryBot.Bot.Handoff;

/// <summary>Tells signed-in staff (the console, live) that the queue or a conversation changed.</summary>
public interface IHandoffNotifier
{
    /// <summary>Now: the change is already stored.</summary>
    Task ConversationChangedAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Once the turn of <paramref name="dedupeKey"/> has committed (its state is then visible to readers).</summary>
    void ConversationChangedAfterTurn(string dedupeKey, string conversationKey);
}
