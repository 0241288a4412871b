namespace LibraryBot.Bot.Handoff;

/// <summary>Conversations with a request for a librarian or a librarian in charge, oldest request first.</summary>
public interface IHandoffQueue
{
    Task<IReadOnlyList<QueueItem>> ListAsync(CancellationToken cancellationToken);
}
