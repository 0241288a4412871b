using LibraryBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Tests.Conversations;

internal static class BotProcessQueries
{
    /// <summary>A text value from the server's database file (read-only); fails when there is none.</summary>
    public static string Text(this BotProcess bot, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = bot.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string ?? throw new InvalidOperationException($"No value for: {sql}");
    }
}
