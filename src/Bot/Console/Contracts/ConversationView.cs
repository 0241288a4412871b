namespace LibraryBot.Bot.Console.Contracts;

/// <summary>GET /api/staff/conversations/{id}: the queue facts, transcript, reply rule, patron context and canned replies.</summary>
public sealed record ConversationView(
    QueueEntryView Summary,
    IReadOnlyList<TranscriptLineView> Transcript,
    WindowView Window,
    PatronView? Patron,
    IReadOnlyList<string> CannedReplies);
