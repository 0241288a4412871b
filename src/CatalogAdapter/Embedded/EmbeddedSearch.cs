using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>
/// Full-text search of the demo library. Latin scripts: FTS5 unicode61 with diacritics removed (đ folded by
/// <see cref="SearchText"/>), ranked by bm25 with title weighted highest. CJK: the trigram index for words of
/// three characters or more, LIKE for shorter ones. User words are always quoted, never parsed as FTS syntax.
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
        var parameters = new DynamicParameters(plan.Value.Parameters);
        parameters.Add("take", pageSize);
        parameters.Add("skip", (page - 1) * pageSize);
        var total = await connection.ExecuteScalarAsync<int>(
            new CommandDefinition($"SELECT count(*) FROM ({plan.Value.Hits})", parameters, cancellationToken: cancellationToken));
        var rows = total == 0
            ? []
            : await connection.QueryAsync<HitRow>(new CommandDefinition(
                $"WITH hits AS ({plan.Value.Hits}) SELECT {HitColumns} FROM hits h JOIN records r ON r.id = h.id ORDER BY h.score, h.tiebreak, r.id LIMIT @take OFFSET @skip",
                parameters, cancellationToken: cancellationToken));

        CatalogLog.SearchCompleted(logger, query.Field, plan.Value.Script, total, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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

        return (CjkHits(query.Field, tokens, parameters), parameters, "cjk");
    }

    private const string FtsHits =
        "SELECT rowid AS id, bm25(records_fts, 10.0, 4.0, 2.0, 1.0) AS score, 0 AS tiebreak FROM records_fts WHERE records_fts MATCH @match";

    private static string? FtsColumns(SearchField field) => field switch
    {
        SearchField.Title => "title",
        SearchField.Author => "author",
        SearchField.Subject => "subject",
        SearchField.Isbn => "isbn",
        _ => null,
    };

    private static string CjkHits(SearchField field, IReadOnlyList<string> tokens, Dictionary<string, object> parameters)
    {
        var (triColumns, likeColumns) = field switch
        {
            SearchField.Title => ("title", new[] { "title" }),
            SearchField.Author => ("author", new[] { "authors" }),
            SearchField.Subject => ("subject", new[] { "subjects" }),
            SearchField.Isbn => ("isbn", new[] { "isbn" }),
            _ => ((string?)null, new[] { "title", "authors", "subjects" }),
        };
        var longTokens = tokens.Where(t => t.Length >= 3).ToList();
        var likes = new List<string>();
        foreach (var (token, i) in tokens.Where(t => t.Length < 3).Select((t, i) => (t, i)))
        {
            parameters[$"like{i}"] = SearchText.LikeContains(token);
            likes.Add("(" + string.Join(" OR ", likeColumns.Select(c => $"r.{c} LIKE @like{i} ESCAPE '\\'")) + ")");
        }

        var likeFilter = likes.Count == 0 ? string.Empty : " AND " + string.Join(" AND ", likes);
        if (longTokens.Count > 0 && field != SearchField.Isbn)
        {
            parameters["tri"] = SearchText.Match(longTokens, triColumns);
            return "SELECT t.rowid AS id, bm25(records_tri, 10.0, 4.0, 2.0) AS score, 0 AS tiebreak FROM records_tri t "
                + "JOIN records r ON r.id = t.rowid WHERE records_tri MATCH @tri" + likeFilter;
        }

        foreach (var (token, i) in longTokens.Select((t, i) => (t, i)))
        {
            parameters[$"long{i}"] = SearchText.LikeContains(token);
            likeFilter += " AND (" + string.Join(" OR ", likeColumns.Select(c => $"r.{c} LIKE @long{i} ESCAPE '\\'")) + ")";
        }

        var titleFirst = parameters.ContainsKey("like0") ? "CASE WHEN r.title LIKE @like0 ESCAPE '\\' THEN 0 ELSE 1 END" : "0";
        return $"SELECT r.id AS id, {titleFirst} AS score, length(r.title) AS tiebreak FROM records r WHERE r.has_cjk = 1{likeFilter}";
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

        public SearchHit ToHit() => new(
            Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Title, EmbeddedRecords.SplitAuthors(Authors),
            (int?)Year, Language, Format, new AvailabilitySummary((int)Available, (int)Copies));
    }
}
