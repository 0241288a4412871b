namespace LibraryBot.Bot.Handoff;

/// <summary>
/// The first words of a request for a librarian, for the queue: the patron's last messages before the one that made the
/// request (usually the "yes" to the bot's offer), from the transcript in its masked form (runs of digits as dots,
/// quoted text hidden). Notes such as "[not recorded: sensitive answer]" and "[chose …]" are left out, so a PIN never shows.
/// </summary>
public sealed class RequestPreview(ITranscriptStore transcripts)
{
    public const int MaxMessages = 2;
    public const int MaxLength = 140;

    /// <summary>Messages older than this before the request belong to an earlier exchange.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromMinutes(30);

    public async Task<string?> ForAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var marker = await transcripts.FindLastAsync(conversationKey, TranscriptRecorder.RequestEntryPrefix, cancellationToken).ConfigureAwait(false);
        if (marker is null)
        {
            return null;
        }

        var request = TranscriptRecorder.PatronEntryPrefix + marker.EntryKey[TranscriptRecorder.RequestEntryPrefix.Length..];
        var lines = await transcripts.ListPatronLinesBeforeAsync(conversationKey, marker.Id, MaxMessages * 4, cancellationToken).ConfigureAwait(false);
        var words = lines
            .Where(l => l.EntryKey != request && l.At >= marker.At - Recent)
            .Select(l => l.MaskedText.Trim())
            .Where(IsSomethingSaid)
            .TakeLast(MaxMessages)
            .ToList();
        return words.Count == 0 ? null : Shorten(string.Join(" · ", words));
    }

    private static bool IsSomethingSaid(string text) =>
        !(text.StartsWith('[') && text.EndsWith(']')) && text.Any(char.IsLetterOrDigit);

    private static string Shorten(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength - 1);
        return text[..(cut > MaxLength / 2 ? cut : MaxLength - 1)].TrimEnd() + "…";
    }
}
