using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>
/// Full-text search of the demo library. Latin scripts: FTS5 unicode61 with diacritics removed (đ folded by
/// <see cref="SearchText"/>), ranked by bm25 with title weighted highest. CJK: the trigram index for words of
/// three characters or more, indexed character pairs for shorter ones. User words are always quoted, never parsed as FTS syntax.
/// </summary>
internal sealed class EmbeddedSearch(EmbeddedDatabase database, ILogger logger)
{
    public const int MaxPageSize = 50;

    private const string HitColumns = """
        r.id AS Id, r.title AS Title, r.authors AS Authors, r.year AS Year, r.language AS Language, r.format AS Format,
        (SELECT count(*) FROM items i WHERE i.record_id = r.id AND i.status = 'available') AS Available,
        (SELECT count(*) FROM items i WHERE i.record_id = r.id) AS Copies
        """;

    public async Task<SearchPage> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var started = Stopwatch.GetTimestamp();
        var plan = Plan(query);
        if (plan is null)
        {
            return new SearchPage([], 0, page, pageSize);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await PageAsync(connection, plan.Value, page, pageSize, cancellationToken);

        // Nothing for the words as typed: once more with typos corrected against the index's words.
        if (found.Total == 0 && plan.Value.Script == "latin"
            && await EmbeddedSpelling.CorrectAsync(connection, SearchText.Tokens(query.Terms), cancellationToken) is { } corrected
            && Plan(query with { Terms = string.Join(' ', corrected) }) is { } correctedPlan)
        {
            found = await PageAsync(connection, correctedPlan, page, pageSize, cancellationToken) with { CorrectedTerms = string.Join(' ', corrected) };
        }

        CatalogLog.SearchCompleted(logger, query.Field, plan.Value.Script, found.Total, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return found;
    }

    /// <summary>Ranks and cuts the page first, then reads columns and availability for the page's rows only.</summary>
    private static async Task<SearchPage> PageAsync(
        SqliteConnection connection, (string Hits, Dictionary<string, object> Parameters, string Script) plan, int page, int pageSize, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(plan.Parameters);
        parameters.Add("take", pageSize);
        parameters.Add("skip", (page - 1) * pageSize);
        var rows = (await connection.QueryAsync<HitRow>(new CommandDefinition(
            $"""
            WITH hits AS ({plan.Hits}),
            page AS (SELECT id, score, tiebreak, count(*) OVER () AS total FROM hits ORDER BY score, tiebreak, id LIMIT @take OFFSET @skip)
            SELECT {HitColumns}, h.total AS Total FROM page h JOIN records r ON r.id = h.id ORDER BY h.score, h.tiebreak, h.id
            """, parameters, cancellationToken: cancellationToken))).ToList();
        var total = rows.Count > 0
            ? (int)rows[0].Total
            : await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT count(*) FROM ({plan.Hits})", parameters, cancellationToken: cancellationToken));
        return new SearchPage(rows.Select(r => r.ToHit()).ToList(), total, page, pageSize);
    }

    /// <summary>The SQL returning (id, score, tiebreak) of every match, or null when the input has no words.</summary>
    private static (string Hits, Dictionary<string, object> Parameters, string Script)? Plan(SearchQuery query)
    {
        var parameters = new Dictionary<string, object>();
        if (query.Field is SearchField.Isbn or SearchField.Any && SearchText.AsIsbn13(query.Terms) is { } isbn)
        {
            parameters["match"] = SearchText.Match([isbn], "isbn");
            return (FtsHits, parameters, "isbn");
        }

        var tokens = SearchText.Tokens(query.Terms);
        if (tokens.Count == 0)
        {
            return null;
        }

        if (!tokens.Any(SearchText.HasCjk))
        {
            parameters["match"] = SearchText.Match(tokens, FtsColumns(query.Field));
            return (FtsHits, parameters, "latin");
        }

        return CjkHits(query.Field, tokens, parameters) is { } hits ? (hits, parameters, "cjk") : null;
    }

    private const string FtsHits =
        "SELECT rowid AS id, bm25(records_fts, 10.0, 4.0, 2.0, 1.0, 10.0, 4.0, 2.0) AS score, 0 AS tiebreak FROM records_fts WHERE records_fts MATCH @match";

    private static string? FtsColumns(SearchField field) => field switch
    {
        SearchField.Title => "title",
        SearchField.Author => "author",
        SearchField.Subject => "subject",
        SearchField.Isbn => "isbn",
        _ => null,
    };

    /// <summary>
    /// CJK input: words of three characters or more through the trigram index, shorter ones through the indexed
    /// character pairs (<see cref="SearchText.CjkGrams"/>), short Latin words through the ordinary columns.
    /// </summary>
    private static string? CjkHits(SearchField field, IReadOnlyList<string> tokens, Dictionary<string, object> parameters)
    {
        if (field == SearchField.Isbn)
        {
            return null;
        }

        var columns = FtsColumns(field);
        var shortCjk = tokens.Where(t => t.Length < 3 && SearchText.HasCjk(t)).ToList();
        var shortLatin = tokens.Where(t => t.Length < 3 && !SearchText.HasCjk(t)).ToList();
        var parts = new List<string>();
        if (shortCjk.Count > 0)
        {
            parts.Add(SearchText.Match(shortCjk, columns is null ? "title_cjk author_cjk subject_cjk" : columns + "_cjk"));
        }

        if (shortLatin.Count > 0)
        {
            parts.Add(SearchText.Match(shortLatin, columns ?? "title author subject"));
        }

        var longTokens = tokens.Where(t => t.Length >= 3).ToList();
        if (parts.Count > 0)
        {
            parameters["match"] = string.Join(" AND ", parts);
        }

        if (longTokens.Count == 0)
        {
            return FtsHits;
        }

        parameters["tri"] = SearchText.Match(longTokens, columns);
        const string trigram =
            "SELECT rowid AS id, bm25(records_tri, 10.0, 4.0, 2.0) AS score, 0 AS tiebreak FROM records_tri WHERE records_tri MATCH @tri";
        return parts.Count == 0 ? trigram : trigram + " AND rowid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH @match)";
    }

    private sealed class HitRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = string.Empty;
        public string Authors { get; init; } = string.Empty;
        public long? Year { get; init; }
        public string? Language { get; init; }
        public string? Format { get; init; }
        public long Available { get; init; }
        public long Copies { get; init; }
        public long Total { get; init; }

        public SearchHit ToHit() => new(
            Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Title, EmbeddedRecords.SplitAuthors(Authors),
            (int?)Year, Language, Format, new AvailabilitySummary((int)Available, (int)Copies));
    }
}
