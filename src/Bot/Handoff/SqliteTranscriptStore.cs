using LibraryBot.Bot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Handoff;

public sealed class SqliteTranscriptStore(SqliteDatabase database) : ITranscriptStore
{
    private const string Columns = "id, entry_key, at, author, staff, text, masked_text";

    public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken) =>
        entries.Count == 0 ? Task.CompletedTask : database.WriteAsync((connection, transaction) =>
        {
            foreach (var e in entries)
            {
                using var command = connection.Command(
                    """
                    INSERT INTO transcript (conversation_key, entry_key, at, author, staff, text, masked_text)
                    VALUES ($k, $e, $at, $a, $s, $t, $m) ON CONFLICT (entry_key) DO NOTHING
                    """, transaction)
                    .With("$k", e.ConversationKey).With("$e", e.EntryKey).With("$at", e.At.ToUnixMs()).With("$a", e.Author.ToString())
                    .With("$s", e.Staff).With("$t", e.Text).With("$m", e.MaskedText);
                command.ExecuteNonQuery();
            }

            return entries.Count;
        }, cancellationToken);

    public Task<IReadOnlyList<TranscriptEntry>> ListAsync(string conversationKey, long afterId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<TranscriptEntry>>(connection =>
        {
            using var command = connection.Command(
                $"SELECT {Columns} FROM transcript WHERE conversation_key = $k AND id > $after ORDER BY id")
                .With("$k", conversationKey).With("$after", afterId);
            using var reader = command.ExecuteReader();
            var list = new List<TranscriptEntry>();
            while (reader.Read())
            {
                list.Add(Read(conversationKey, reader));
            }

            return list;
        }, cancellationToken);

    public Task<TranscriptEntry?> FindLastAsync(string conversationKey, string entryKeyPrefix, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.Command(
                $"SELECT {Columns} FROM transcript WHERE conversation_key = $k AND substr(entry_key, 1, $n) = $p ORDER BY id DESC LIMIT 1")
                .With("$k", conversationKey).With("$n", entryKeyPrefix.Length).With("$p", entryKeyPrefix);
            using var reader = command.ExecuteReader();
            return reader.Read() ? Read(conversationKey, reader) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<TranscriptEntry>> ListPatronLinesBeforeAsync(string conversationKey, long beforeId, int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<TranscriptEntry>>(connection =>
        {
            using var command = connection.Command(
                $"SELECT {Columns} FROM transcript WHERE conversation_key = $k AND id < $before AND author = $a ORDER BY id DESC LIMIT $max")
                .With("$k", conversationKey).With("$before", beforeId).With("$a", nameof(TranscriptAuthor.Patron)).With("$max", max);
            using var reader = command.ExecuteReader();
            var list = new List<TranscriptEntry>();
            while (reader.Read())
            {
                list.Add(Read(conversationKey, reader));
            }

            list.Reverse();
            return list;
        }, cancellationToken);

    public Task DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var transcript = connection.Command("DELETE FROM transcript WHERE conversation_key = $k", transaction).With("$k", conversationKey);
            using var ratings = connection.Command("DELETE FROM handoff_ratings WHERE conversation_key = $k", transaction).With("$k", conversationKey);
            return transcript.ExecuteNonQuery() + ratings.ExecuteNonQuery();
        }, cancellationToken);

    public Task<(int Deleted, int Masked)> SweepAsync(DateTimeOffset deleteBefore, DateTimeOffset maskBefore, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var delete = connection.Command("DELETE FROM transcript WHERE at < $before", transaction).With("$before", deleteBefore.ToUnixMs());
            using var ratings = connection.Command("DELETE FROM handoff_ratings WHERE at < $before", transaction).With("$before", deleteBefore.ToUnixMs());
            using var mask = connection.Command(
                "UPDATE transcript SET text = masked_text, masked = 1 WHERE masked = 0 AND at < $before", transaction).With("$before", maskBefore.ToUnixMs());
            var deleted = delete.ExecuteNonQuery();
            ratings.ExecuteNonQuery();
            return (deleted, mask.ExecuteNonQuery());
        }, cancellationToken);

    public Task AddRatingAsync(string conversationKey, string? staff, int rating, string? comment, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command(
                "INSERT INTO handoff_ratings (conversation_key, staff, rating, comment, at) VALUES ($k, $s, $r, $c, $at)", transaction)
                .With("$k", conversationKey).With("$s", staff).With("$r", rating).With("$c", comment).With("$at", at.ToUnixMs());
            return command.ExecuteNonQuery();
        }, cancellationToken);

    private static TranscriptEntry Read(string conversationKey, SqliteDataReader reader) =>
        new(conversationKey, reader.GetString(1), SqliteCommandExtensions.FromUnixMs(reader.GetInt64(2)),
            Enum.Parse<TranscriptAuthor>(reader.GetString(3)), reader.NullableString(4), reader.GetString(5), reader.GetString(6), reader.GetInt64(0));
}
