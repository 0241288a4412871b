using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>
/// Meta's length limits for message parts, counted in UTF-16 code units as whatsapp-api-js does (an emoji may count 2),
/// and truncation at a grapheme boundary with an ellipsis.
/// </summary>
public static class WhatsAppLimits
{
    public const int TextBody = 4096;
    public const int InteractiveBody = 1024;
    public const int MediaCaption = 1024;
    public const int HeaderOrFooter = 60;
    public const int ButtonTitle = 20;
    public const int ButtonId = 256;
    public const int MaxButtons = 3;
    public const int ListButton = 20;
    public const int RowTitle = 24;
    public const int RowDescription = 72;
    public const int RowId = 200;
    public const int MaxRows = 10;
    public const int MaxSections = 10;
    public const int SectionTitle = 24;

    private const string Ellipsis = "…";

    /// <summary><paramref name="text"/> itself when it fits, else its longest grapheme-whole prefix plus "…" within <paramref name="max"/>.</summary>
    public static string Fit(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = TextSplitter.LastBoundaryAtOrBefore(text, max - Ellipsis.Length);
        return text[..end].TrimEnd() + Ellipsis;
    }

    /// <summary>Fits every title to <paramref name="max"/> and makes repeated ones unique with " (2)", " (3)"….</summary>
    internal static IReadOnlyList<string> FitUnique(IEnumerable<string> titles, int max)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var title in titles)
        {
            var fitted = Fit(title.Trim(), max);
            for (var n = 2; !seen.Add(fitted); n++)
            {
                var suffix = $" ({n})";
                fitted = Fit(title.Trim(), max - suffix.Length) + suffix;
            }

            result.Add(fitted);
        }

        return result;
    }
}
