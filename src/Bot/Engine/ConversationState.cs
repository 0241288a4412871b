using System.Text.Json.Serialization;
using LibraryBot.Bot.Engine.Dialogs;

namespace LibraryBot.Bot.Engine;

/// <summary>
/// Everything the bot remembers about one conversation between turns, persisted as one document.
/// Never holds a PIN or the text of a patron's message.
/// </summary>
public sealed class ConversationState
{
    public const int RecentKeysKept = 32;

    /// <summary>The dialog stack, bottom first.</summary>
    public List<DialogInstance> DialogStack { get; set; } = [];

    /// <summary>The patron's language (en, es, zh-Hans, vi) once known.</summary>
    public string? Locale { get; set; }

    /// <summary>When the patron last wrote (channel time), for service windows.</summary>
    public DateTimeOffset? LastInboundAt { get; set; }

    /// <summary>Dedupe keys of the last activities processed here: a durable second line behind the inbox's unique key.</summary>
    public List<string> RecentDedupeKeys { get; set; } = [];

    /// <summary>Messages in a row the bot did not understand.</summary>
    public int MisunderstoodInARow { get; set; }

    /// <summary>Small named values features keep per conversation (linked patron id, preferences).</summary>
    public Dictionary<string, string> Values { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Set while a person (librarian) owns the conversation; the bot stays silent.</summary>
    public string? HandoffOwner { get; set; }

    /// <summary>A request for a librarian waiting for staff (the staff queue is built from these).</summary>
    public EscalationState? Escalation { get; set; }

    /// <summary>Whether the patron has been greeted (first-contact welcome and privacy notice).</summary>
    public bool Greeted { get; set; }

    [JsonIgnore]
    public bool IsNew { get; set; }

    public bool HasProcessed(string dedupeKey) => RecentDedupeKeys.Contains(dedupeKey, StringComparer.Ordinal);

    public void RememberProcessed(string dedupeKey)
    {
        RecentDedupeKeys.Add(dedupeKey);
        if (RecentDedupeKeys.Count > RecentKeysKept)
        {
            RecentDedupeKeys.RemoveRange(0, RecentDedupeKeys.Count - RecentKeysKept);
        }
    }
}
