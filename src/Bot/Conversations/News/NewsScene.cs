namespace LibraryBot.Bot.Conversations.News;

/// <summary>
/// The scene of a WeChat poster QR code for a news topic: <c>news:&lt;topic&gt;</c>, or <c>news:&lt;topic&gt;:&lt;branch id&gt;</c>
/// when the poster hangs in one branch (remembered as the patron's branch).
/// </summary>
public sealed record NewsScene(string TopicId, string? BranchId)
{
    public const string Prefix = "news:";

    /// <summary>WeChat's limit for a QR code's <c>scene_str</c>.</summary>
    public const int MaxLength = 64;

    public override string ToString() => BranchId is null ? $"{Prefix}{TopicId}" : $"{Prefix}{TopicId}:{BranchId}";

    public static bool TryParse(string? scene, out NewsScene parsed)
    {
        parsed = null!;
        if (scene is null || !scene.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = scene[Prefix.Length..].Split(':', 2, StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
        {
            return false;
        }

        parsed = new NewsScene(parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null);
        return true;
    }
}
