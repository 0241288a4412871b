using System.Globalization;

namespace LibraryBot.Bot.Engine;

/// <summary>The four languages the bot speaks at parity.</summary>
public static class BotLocales
{
    public const string English = "en";
    public const string Spanish = "es";
    public const string Chinese = "zh-Hans";
    public const string Vietnamese = "vi";
    public const string Default = English;

    public static readonly IReadOnlyList<string> All = [English, Spanish, Chinese, Vietnamese];

    /// <summary>Maps a hint such as "es-MX", "zh_CN", "zh-Hans" or "vi" to one of ours, or null.</summary>
    public static string? Normalize(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return null;
        }

        var lower = hint.Trim().Replace('_', '-').ToLowerInvariant();
        return lower switch
        {
            _ when lower.StartsWith("en", StringComparison.Ordinal) => English,
            _ when lower.StartsWith("es", StringComparison.Ordinal) => Spanish,
            _ when lower.StartsWith("zh", StringComparison.Ordinal) => Chinese,
            _ when lower.StartsWith("vi", StringComparison.Ordinal) => Vietnamese,
            _ => null,
        };
    }

    public static CultureInfo Culture(string locale) => CultureInfo.GetCultureInfo(locale);
}
