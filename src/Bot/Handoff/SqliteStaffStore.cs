using LibraryBot.Bot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Handoff;

public sealed class SqliteStaffStore(SqliteDatabase database) : IStaffStore
{
    private const string Columns = "username, display_name, role, password_hash, available, disabled";

    // True when another admin than $u is active: the last active admin is never disabled or demoted.
    private const string AnotherActiveAdmin =
        $"EXISTS (SELECT 1 FROM staff AS other WHERE other.role = '{StaffRole.Admin}' AND other.disabled = 0 AND other.username <> $u)";

    public Task<StaffAccount?> FindAsync(string username, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.Command($"SELECT {Columns} FROM staff WHERE username = $u").With("$u", username);
            using var reader = command.ExecuteReader();
            return reader.Read() ? Read(reader) : null;
        }, cancellationToken);

    public Task<bool> CreateAsync(StaffAccount account, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command(
                $"INSERT INTO staff ({Columns}) VALUES ($u, $d, $r, $h, $a, $x) ON CONFLICT DO NOTHING", transaction)
                .With("$u", account.Username).With("$d", account.DisplayName).With("$r", account.Role)
                .With("$h", account.PasswordHash).With("$a", account.Available ? 1 : 0).With("$x", account.Disabled ? 1 : 0);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task<bool> UpdatePasswordHashAsync(string username, string passwordHash, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command("UPDATE staff SET password_hash = $h WHERE username = $u", transaction)
                .With("$u", username).With("$h", passwordHash);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task SetAvailableAsync(string username, bool available, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command("UPDATE staff SET available = $a WHERE username = $u", transaction)
                .With("$u", username).With("$a", available ? 1 : 0);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<StaffChange> SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command(
                $"""
                UPDATE staff SET disabled = $x, available = CASE WHEN $x = 1 THEN 0 ELSE available END
                WHERE username = $u AND ($x = 0 OR role <> '{StaffRole.Admin}' OR disabled = 1 OR {AnotherActiveAdmin})
                """, transaction)
                .With("$u", username).With("$x", disabled ? 1 : 0);
            return command.ExecuteNonQuery() == 1 ? StaffChange.Done : Refusal(connection, transaction, username);
        }, cancellationToken);

    public Task<StaffChange> SetRoleAsync(string username, string role, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command(
                $"""
                UPDATE staff SET role = $r
                WHERE username = $u AND ($r = '{StaffRole.Admin}' OR role <> '{StaffRole.Admin}' OR disabled = 1 OR {AnotherActiveAdmin})
                """, transaction)
                .With("$u", username).With("$r", role);
            return command.ExecuteNonQuery() == 1 ? StaffChange.Done : Refusal(connection, transaction, username);
        }, cancellationToken);

    public Task<StaffChange> SetDisplayNameAsync(string username, string displayName, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command("UPDATE staff SET display_name = $d WHERE username = $u", transaction)
                .With("$u", username).With("$d", displayName);
            return command.ExecuteNonQuery() == 1 ? StaffChange.Done : StaffChange.NotFound;
        }, cancellationToken);

    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StaffAccount>>(connection =>
        {
            using var command = connection.Command($"SELECT {Columns} FROM staff ORDER BY username");
            using var reader = command.ExecuteReader();
            var list = new List<StaffAccount>();
            while (reader.Read())
            {
                list.Add(Read(reader));
            }

            return list;
        }, cancellationToken);

    public Task AuditAsync(string username, string action, string? conversationKey, DateTimeOffset at, CancellationToken cancellationToken, string? target = null) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.Command(
                "INSERT INTO staff_audit (at, username, action, conversation_hash, target) VALUES ($at, $u, $a, $c, $t)", transaction)
                .With("$at", at.ToUnixMs()).With("$u", username).With("$a", action)
                .With("$c", conversationKey is null ? null : LogIds.Hash(conversationKey)).With("$t", target);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<IReadOnlyList<StaffAuditEntry>> ListAuditAsync(string? conversationKey, int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StaffAuditEntry>>(connection =>
        {
            using var command = connection.Command(
                "SELECT at, username, action, conversation_hash, target FROM staff_audit WHERE $c IS NULL OR conversation_hash = $c ORDER BY id DESC LIMIT $max")
                .With("$c", conversationKey is null ? null : LogIds.Hash(conversationKey)).With("$max", max);
            using var reader = command.ExecuteReader();
            var list = new List<StaffAuditEntry>();
            while (reader.Read())
            {
                list.Add(new StaffAuditEntry(SqliteCommandExtensions.FromUnixMs(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2),
                    reader.NullableString(3), reader.NullableString(4)));
            }

            return list;
        }, cancellationToken);

    private static StaffChange Refusal(SqliteConnection connection, SqliteTransaction transaction, string username)
    {
        using var exists = connection.Command("SELECT COUNT(*) FROM staff WHERE username = $u", transaction).With("$u", username);
        return Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0 ? StaffChange.NotFound : StaffChange.LastActiveAdmin;
    }

    private static StaffAccount Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4) == 1, reader.GetInt64(5) == 1);
}
