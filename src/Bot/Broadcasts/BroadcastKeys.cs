namespace LibraryBot.Bot.Broadcasts;

/// <summary>The inbox dedupe key of a recipient's delivery turn: unique per broadcast and chat, so the inbox runs it once.</summary>
public static class BroadcastKeys
{
    public const string DedupePrefix = "broadcast:";

    public static string DedupeKey(string broadcastId, string conversationKey) => $"{DedupePrefix}{broadcastId}:{conversationKey}";
}
