using System.Globalization;
using System.Text;

namespace LibraryBot.Contracts.Understanding;

/// <summary>Accuracy per language and split, and a confusion table of intents (expected → got), as text.</summary>
public sealed class CorpusReport(IReadOnlyList<CorpusOutcome> outcomes)
{
    public IReadOnlyList<CorpusOutcome> Outcomes { get; } = outcomes;

    public double Accuracy(string language, string? split) =>
        Of(language, split) is { Count: > 0 } lines ? (double)lines.Count(o => o.Right) / lines.Count : 0;

    public List<CorpusOutcome> Of(string language, string? split) =>
        Outcomes.Where(o => o.Line.Language == language && (split is null || o.Line.Split == split)).ToList();

    public string Table()
    {
        var sb = new StringBuilder();
        sb.AppendLine("language  | split | lines | intent right | intent + entities right");
        foreach (var language in Outcomes.Select(o => o.Line.Language).Distinct().Order(StringComparer.Ordinal))
        {
            foreach (var split in new string?[] { "dev", "test", null })
            {
                var lines = Of(language, split);
                sb.AppendLine(CultureInfo.InvariantCulture, $"{language,-9} | {split ?? "all",-5} | {lines.Count,5} | {Percent(lines.Count(o => o.IntentRight), lines.Count),12} | {Percent(lines.Count(o => o.Right), lines.Count),8}");
            }
        }

        var nonActions = Outcomes.Where(o => o.Line.Intent == "smalltalk").ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"non-actions (no account action, no search): {nonActions.Count(o => o.IntentRight)}/{nonActions.Count}");
        return sb.ToString();
    }

    public string Confusion(string? split = null)
    {
        var sb = new StringBuilder($"expected → got (count), wrong intents only{(split is null ? string.Empty : $", {split} split")}\n");
        foreach (var group in Outcomes.Where(o => !o.IntentRight && (split is null || o.Line.Split == split)).GroupBy(o => (o.Line.Intent, o.Got.Intent)).OrderByDescending(g => g.Count()))
        {
            // Examples come from the dev split only: the test split is held out, also from the people tuning the lexicon.
            var example = group.FirstOrDefault(o => o.Line.Split == "dev")?.Line.Utterance;
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key.Item1,-12} → {group.Key.Item2,-12} {group.Count(),3}{(example is null ? string.Empty : $"   e.g. \"{example}\"")}");
        }

        return sb.ToString();
    }

    private static string Percent(int right, int total) =>
        total == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * right / total:0.0} % ({right})");
}
