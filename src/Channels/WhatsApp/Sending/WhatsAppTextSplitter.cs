namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>Splits text longer than a message allows at a line, sentence or word boundary, never inside a grapheme.</summary>
internal static class WhatsAppTextSplitter
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

        var boundary = WhatsAppLimits.LastBoundaryAtOrBefore(text, max);
        return boundary > 0 ? boundary : max;
    }
}
