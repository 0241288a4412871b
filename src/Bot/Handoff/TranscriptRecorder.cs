using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Handoff;

/// <summary>Writes a turn's patron message (unless marked sensitive) and its replies to the transcript.</summary>
public sealed class TranscriptRecorder(ITranscriptStore transcripts)
{
    /// <summary>Records the turn; <paramref name="wasSensitive"/> is the flag as it stood when the message arrived.</summary>
    public Task RecordTurnAsync(TurnContext context, bool wasSensitive, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var key = activity.Conversation.Key;
        var now = context.Clock.GetUtcNow();
        var entries = new List<TranscriptEntry>();
        if (TranscriptText.FromActivity(activity) is { } said)
        {
            var text = wasSensitive ? TranscriptText.NotRecorded : said;
            entries.Add(new TranscriptEntry(key, "in:" + activity.DedupeKey, activity.Timestamp, TranscriptAuthor.Patron, null, text, TranscriptText.Mask(text)));
        }

        for (var i = 0; i < context.Replies.Count; i++)
        {
            entries.Add(Reply(key, $"out:{activity.DedupeKey}:{i}", now, TranscriptAuthor.Bot, null, context.Replies[i]));
        }

        return transcripts.AppendAsync(entries, cancellationToken);
    }

    public static bool IsSensitive(ConversationState state) =>
        (state.Values.TryGetValue(HandoffKeys.Sensitive, out var flag) && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
        || (state.DialogStack.Count > 0 && state.DialogStack[^1].Id.EndsWith(HandoffKeys.SensitivePromptSuffix, StringComparison.Ordinal));

    public static TranscriptEntry Reply(string conversationKey, string entryKey, DateTimeOffset at, TranscriptAuthor author, string? staff, OutboundMessage message) =>
        new(conversationKey, entryKey, at, author, staff, message.ToPlainText(), TranscriptText.MaskedFor(message));

    public static TranscriptEntry Event(string conversationKey, DateTimeOffset at, string staff, string text) =>
        new(conversationKey, "sys:" + Guid.NewGuid().ToString("N"), at, TranscriptAuthor.System, staff, text, text);
}
