namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// A list patrons may sign up for (<c>Broadcasts:Topics</c>): a stable <see cref="Id"/> (the consent purpose is
/// <c>news:&lt;id&gt;</c>) and its name in each of the four languages.
/// </summary>
public sealed class BroadcastTopic
{
    public string Id { get; set; } = "";

    /// <summary>The topic's name per language code (en, es, zh, vi).</summary>
    public Dictionary<string, string> Names { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The name in the language, else in English, else the id.</summary>
    public string NameIn(string? language) =>
        (language is not null && Names.TryGetValue(language, out var name) && !string.IsNullOrWhiteSpace(name)) ? name
        : Names.TryGetValue("en", out var english) && !string.IsNullOrWhiteSpace(english) ? english
        : Id;

    public static BroadcastTopic Of(string id, string en, string es, string zh, string vi) => new()
    {
        Id = id,
        Names = new(StringComparer.OrdinalIgnoreCase) { ["en"] = en, ["es"] = es, ["zh"] = zh, ["vi"] = vi },
    };
}
