using FuzzySharp;

namespace LibraryBot.Bot.Understanding;

/// <summary>
/// How alike a message unit and a lexicon unit are: equal is 1; words of four letters or more that start alike may
/// differ by a typo ("lons"/"loans", "renw"/"renew", "frankenstien"), measured with FuzzySharp's ratio; anything else is 0.
/// </summary>
public static class UnitSimilarity
{
    public static double Of(in MessageUnit unit, string expected)
    {
        var text = unit.Text;
        if (string.Equals(text, expected, StringComparison.Ordinal))
        {
            return 1;
        }

        if (unit.Kind != UnitKind.Word || text.Length < 4 || expected.Length < 4 || text[0] != expected[0] || Math.Abs(text.Length - expected.Length) > 2)
        {
            return 0;
        }

        var ratio = Fuzz.Ratio(text, expected) / 100.0;
        var needed = Math.Max(text.Length, expected.Length) >= 7 ? 0.8 : 0.75;
        return ratio >= needed ? ratio * 0.95 : 0;
    }
}
