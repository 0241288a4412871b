using System.Globalization;

namespace LibraryBot.Channels.Outbound;

/// <summary>
/// Splits text longer than a channel's message allows (WhatsApp 4,096, SMS 1,600 UTF-16 code units) at a line,
/// sentence or word boundary, never inside a grapheme (emoji, combining marks). One splitter for every channel.
/// </summary>
internal static class TextSplitter
{
    private static readonly string[] SentenceEnds = [". ", "! ", "? ", "。", "！", "？"];

    public static IReadOnlyList<string> Split(string text, int max)
    {
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = BestCut(rest, max);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int BestCut(string text, int max)
    {
        var window = text[..max];
        var floor = max / 2;
        var line = window.LastIndexOf('\n');
        if (line >= floor)
        {
            return line + 1;
        }

        var sentence = SentenceEnds
            .Select(end => (Index: window.LastIndexOf(end, StringComparison.Ordinal), end.Length))
            .Where(s => s.Index >= floor)
            .Select(s => s.Index + s.Length)
            .DefaultIfEmpty(-1)
            .Max();
        if (sentence > 0)
        {
            return sentence;
        }

        var space = window.LastIndexOf(' ');
        if (space >= floor)
        {
            return space + 1;
        }

        var boundary = LastBoundaryAtOrBefore(text, max);
        return boundary > 0 ? boundary : max;
    }

    /// <summary>The largest index ≤ <paramref name="max"/> that does not split a grapheme (emoji, combining marks).</summary>
    public static int LastBoundaryAtOrBefore(string text, int max)
    {
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + ((string)elements.Current).Length;
            if (next > max)
            {
                break;
            }

            end = next;
        }

        return end;
    }
}
