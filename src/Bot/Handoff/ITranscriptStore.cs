namespace LibraryBot.Bot.Handoff;

/// <summary>Transcripts, keyed by conversation (one partition each): what the patron, the bot and staff said.</summary>
public interface ITranscriptStore
{
    /// <summary>Adds entries; an entry whose key is already stored is ignored.</summary>
    Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken);

    /// <summary>A conversation's entries, oldest first, from id <paramref name="afterId"/> on.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ListAsync(string conversationKey, long afterId, CancellationToken cancellationToken);

    /// <summary>The conversation's newest entry whose key starts with <paramref name="entryKeyPrefix"/>, if any.</summary>
    Task<TranscriptEntry?> FindLastAsync(string conversationKey, string entryKeyPrefix, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> of the patron's lines before entry <paramref name="beforeId"/>, oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ListPatronLinesBeforeAsync(string conversationKey, long beforeId, int max, CancellationToken cancellationToken);

    Task DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Deletes entries older than <paramref name="deleteBefore"/> and masks those older than <paramref name="maskBefore"/>; returns (deleted, masked).</summary>
    Task<(int Deleted, int Masked)> SweepAsync(DateTimeOffset deleteBefore, DateTimeOffset maskBefore, CancellationToken cancellationToken);

    /// <summary>Stores a patron's answer to the satisfaction question after a closed chat.</summary>
    Task AddRatingAsync(string conversationKey, string? staff, int rating, string? comment, DateTimeOffset at, CancellationToken cancellationToken);
}
