namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>
/// One question → answer rule the library edits (<c>AutoReplies:Rules:n</c>): words or phrases per language that
/// trigger it anywhere in a message, and the answer in each of the four languages.
/// </summary>
public sealed class AutoReplyRule
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Language (en, es, zh-Hans, vi) → words or phrases.</summary>
    public Dictionary<string, List<string>> Keywords { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Language (en, es, zh-Hans, vi) → answer.</summary>
    public Dictionary<string, string> Answer { get; set; } = new(StringComparer.Ordinal);
}
