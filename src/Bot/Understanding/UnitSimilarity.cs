using LibraryBot.Shared;

namespace LibraryBot.Bot.Understanding;

/// <summary>
/// How alike a message unit and a lexicon unit are: equal is 1; a word that may be a typo of the other
/// (<see cref="TypoDistance"/>: "lons"/"loans", "renw"/"renew", "frankenstien", "predjudice") a little less, by how
/// many edits; anything else 0, so a name is not taken for a word it resembles ("emily" is two edits from "email").
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

        return unit.Kind == UnitKind.Word && TypoDistance.Typo(text, expected) is { } distance
            ? 0.95 * (1 - (double)distance / Math.Max(text.Length, expected.Length))
            : 0;
    }
}
