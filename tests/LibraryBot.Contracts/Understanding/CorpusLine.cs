namespace LibraryBot.Contracts.Understanding;

/// <summary>One line of the corpus (tests/LibraryBot.Bot.Tests/Corpus/*.tsv): what a patron typed and what it should mean.</summary>
public sealed record CorpusLine(string Intent, string Utterance, IReadOnlyDictionary<string, string> Entities, string Split, string Language, string File)
{
    public static IReadOnlyList<CorpusLine> Load(string directory) =>
        Directory.GetFiles(directory, "*.tsv").Order(StringComparer.Ordinal)
            .SelectMany(file => System.IO.File.ReadLines(file).Skip(1).Where(l => l.Length > 0).Select(line => Parse(line, Path.GetFileName(file))))
            .ToList();

    private static CorpusLine Parse(string line, string file)
    {
        var fields = line.Split('\t');
        if (fields.Length != 5)
        {
            throw new FormatException($"{file}: a corpus line needs 5 tab-separated fields: {line}");
        }

        var entities = fields[2].Split(" ; ", StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim(), StringComparer.Ordinal);
        return new CorpusLine(fields[0], fields[1], entities, fields[3], fields[4], file);
    }
}
