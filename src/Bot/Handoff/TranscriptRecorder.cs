using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Handoff;

/// <summary>Writes a turn's patron message (unless marked sensitive) and its replies to the transcript.</summary>
public sealed class TranscriptRecorder(ITranscriptStore transcripts)
{
    /// <summary>Key prefix of a patron's line; the rest is the activity's dedupe key.</summary>
    public const string PatronEntryPrefix = "in:";

    /// <summary>Key prefix of the console event that marks a new request for a librarian; the rest is the dedupe key of the turn that made it.</summary>
    public const string RequestEntryPrefix = "esc:";

    /// <summary>Records the turn; <paramref name="privacy"/> is how the message may be kept, as it stood when the message arrived.</summary>
    public Task RecordTurnAsync(TurnContext context, TranscriptPrivacy privacy, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var key = activity.Conversation.Key;
        var now = context.Clock.GetUtcNow();
        var entries = new List<TranscriptEntry>();
        if (TranscriptText.FromActivity(activity) is { } said)
        {
            var text = context.MessageIsSecret ? TranscriptText.NotRecorded : privacy switch
            {
                TranscriptPrivacy.NotRecorded => TranscriptText.NotRecorded,
                TranscriptPrivacy.DigitsMasked => TranscriptText.Mask(said),
                _ => said,
            };
            entries.Add(new TranscriptEntry(key, PatronEntryPrefix + activity.DedupeKey, activity.Timestamp, TranscriptAuthor.Patron, null, text, TranscriptText.Mask(text)));
        }

        for (var i = 0; i < context.Replies.Count; i++)
        {
            entries.Add(Reply(key, $"out:{activity.DedupeKey}:{i}", now, TranscriptAuthor.Bot, null, context.Replies[i]));
        }

        return transcripts.AppendAsync(entries, cancellationToken);
    }

    /// <summary>Marks, after the turn's own lines, that this turn made a request for a librarian (a console event naming the reason).</summary>
    public Task RecordRequestAsync(TurnContext context, string reasonText, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var marker = new TranscriptEntry(activity.Conversation.Key, RequestEntryPrefix + activity.DedupeKey, context.Clock.GetUtcNow(),
            TranscriptAuthor.System, null, reasonText, reasonText);
        return transcripts.AppendAsync([marker], cancellationToken);
    }

    /// <summary>How the patron's next message may be recorded, from the question it answers.</summary>
    public static TranscriptPrivacy PrivacyOf(ConversationState state)
    {
        if (state.Values.TryGetValue(HandoffKeys.Sensitive, out var flag) && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
        {
            return TranscriptPrivacy.NotRecorded;
        }

        var waiting = state.DialogStack.Count > 0 ? state.DialogStack[^1].Id : string.Empty;
        return waiting.EndsWith(HandoffKeys.SensitivePromptSuffix, StringComparison.Ordinal) ? TranscriptPrivacy.NotRecorded
            : waiting.EndsWith(HandoffKeys.IdentifierPromptSuffix, StringComparison.Ordinal) ? TranscriptPrivacy.DigitsMasked
            : TranscriptPrivacy.Recorded;
    }

    public static TranscriptEntry Reply(string conversationKey, string entryKey, DateTimeOffset at, TranscriptAuthor author, string? staff, OutboundMessage message) =>
        new(conversationKey, entryKey, at, author, staff, message.ToPlainText(), TranscriptText.MaskedFor(message));

    public static TranscriptEntry Event(string conversationKey, DateTimeOffset at, string staff, string text) =>
        new(conversationKey, "sys:" + Guid.NewGuid().ToString("N"), at, TranscriptAuthor.System, staff, text, text);
}
