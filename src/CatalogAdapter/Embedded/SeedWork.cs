using System.Globalization;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>One work of the demo library's seed (Seed/works.tsv: language, title, authors, year, subjects).</summary>
internal sealed record SeedWork(string Language, string Title, IReadOnlyList<string> Authors, int? Year, IReadOnlyList<string> Subjects)
{
    private const string ResourceName = "LibraryBot.CatalogAdapter.Embedded.Seed.works.tsv";

    /// <summary>The works shipped with the project (an embedded resource).</summary>
    public static IReadOnlyList<SeedWork> LoadBundled()
    {
        using var stream = typeof(SeedWork).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The seed resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>Reads tab-separated lines; authors and subjects are separated by ';'.</summary>
    public static IReadOnlyList<SeedWork> Parse(TextReader reader)
    {
        var works = new List<SeedWork>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 5)
            {
                throw new FormatException($"works.tsv line {lineNumber}: expected 5 tab-separated fields, found {fields.Length}.");
            }

            works.Add(new SeedWork(
                fields[0],
                fields[1],
                SplitList(fields[2]),
                int.TryParse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var year) ? year : null,
                SplitList(fields[4])));
        }

        return works;
    }

    private static string[] SplitList(string field) =>
        field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
