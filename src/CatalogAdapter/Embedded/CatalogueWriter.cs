using Microsoft.Data.Sqlite;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>
/// Inserts records (with their search index rows) and items through prepared commands, inside the caller's
/// transaction. Used by the demo seeder and by the benchmark's generator, so both build the same index.
/// </summary>
internal sealed class CatalogueWriter : IDisposable
{
    private readonly SqliteCommand record;
    private readonly SqliteCommand fts;
    private readonly SqliteCommand trigram;
    private readonly SqliteCommand item;

    public CatalogueWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        record = Prepare(connection, transaction,
            "INSERT INTO records (title, authors, year, language, format, isbn, publisher, subjects) "
            + "VALUES ($title, $authors, $year, $language, $format, $isbn, $publisher, $subjects) RETURNING id",
            "$title", "$authors", "$year", "$language", "$format", "$isbn", "$publisher", "$subjects");
        fts = Prepare(connection, transaction,
            "INSERT INTO records_fts (rowid, title, author, subject, isbn, title_cjk, author_cjk, subject_cjk) "
            + "VALUES ($id, $title, $author, $subject, $isbn, $titleCjk, $authorCjk, $subjectCjk)",
            "$id", "$title", "$author", "$subject", "$isbn", "$titleCjk", "$authorCjk", "$subjectCjk");
        trigram = Prepare(connection, transaction,
            "INSERT INTO records_tri (rowid, title, author, subject) VALUES ($id, $title, $author, $subject)",
            "$id", "$title", "$author", "$subject");
        item = Prepare(connection, transaction,
            "INSERT INTO items (item_id, record_id, branch_id, call_number, status) VALUES ($item, $record, $branch, $call, $status)",
            "$item", "$record", "$branch", "$call", "$status");
    }

    /// <summary>Adds a record and indexes it; returns its id.</summary>
    public long AddRecord(SeedWork work, string? isbn13, string format = "Book", string? publisher = null)
    {
        var authors = string.Join("; ", work.Authors);
        var subjects = string.Join("; ", work.Subjects);
        var cjk = SearchText.HasCjk(work.Title) || SearchText.HasCjk(authors) || SearchText.HasCjk(subjects);
        var id = (long)Execute(record, work.Title, authors, work.Year, work.Language, format, isbn13, publisher, subjects)!;

        var isbnTokens = isbn13 is null ? null : string.Join(' ', new[] { isbn13, SearchText.Isbn10(isbn13) }.OfType<string>());
        Execute(fts, id, SearchText.Fold(work.Title), SearchText.Fold(authors), SearchText.Fold(subjects), isbnTokens,
            SearchText.CjkGrams(work.Title), SearchText.CjkGrams(authors), SearchText.CjkGrams(subjects));
        if (cjk)
        {
            Execute(trigram, id, work.Title, authors, subjects);
        }

        return id;
    }

    public void AddItem(string itemId, long recordId, string branchId, string? callNumber, string status) =>
        Execute(item, itemId, recordId, branchId, callNumber, status);

    public void Dispose()
    {
        record.Dispose();
        fts.Dispose();
        trigram.Dispose();
        item.Dispose();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static object? Execute(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteScalar();
    }
}
