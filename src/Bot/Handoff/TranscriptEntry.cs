namespace LibraryBot.Bot.Handoff;

/// <summary>
/// One line of a conversation's transcript. <paramref name="EntryKey"/> makes writes idempotent (a retried turn writes
/// the same keys). <paramref name="MaskedText"/> is what the line becomes once older than the masking period.
/// </summary>
public sealed record TranscriptEntry(
    string ConversationKey,
    string EntryKey,
    DateTimeOffset At,
    TranscriptAuthor Author,
    string? Staff,
    string Text,
    string MaskedText,
    long Id = 0);
