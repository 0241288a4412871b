using System.Net;
using LibraryBot.Bot.Storage.Sqlite;
using LibraryBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary><c>backup</c> and <c>restore</c> run as the real process: what they keep, and every refusal as one line with exit code 1.</summary>
public sealed class BackupCommandTests
{
    private static readonly Dictionary<string, string> CosmosSettings = new()
    {
        ["Storage__Provider"] = "Cosmos",
        ["Storage__Cosmos__Endpoint"] = "https://localhost:8081",
        ["Storage__Cosmos__Key"] = Convert.ToBase64String(new byte[64]),
    };

    [Fact]
    public async Task Backup_WhenTheFileCannotBeWritten_PrintsOneLineAndExits1()
    {
        var data = await NewStoreAsync();
        var existing = Path.Combine(data, "existing.db");
        await File.WriteAllTextAsync(existing, "keep me", TestContext.Current.CancellationToken);
        var cases = new (string Expected, string[] Args)[]
        {
            ("Error: name the backup file. Usage: backup <file>", []),
            ("Error: unexpected argument 'second.db' (one file only).", ["first.db", "second.db"]),
            ("Error: unknown argument '--force'.", ["--force"]),
            ($"Error: {existing} already exists; a backup never writes over a file", [existing]),
            ($"Error: {data} is a folder; name a new file in it.", [data]),
            ($"Error: cannot write {data}/missing/b.db: the folder {data}/missing does not exist.", [$"{data}/missing/b.db"]),
            ($"Error: cannot write {existing}/b.db: {existing} is a file, not a folder.", [$"{existing}/b.db"]),
            ("Error: cannot write /sys/librarybot-backup.db: permission denied", ["/sys/librarybot-backup.db"]),
        };
        foreach (var (expected, args) in cases)
        {
            var result = await BackupCommands.RunAsync(data, null, ["backup", .. args]);

            Assert.StartsWith(expected, BackupCommands.SingleError(result), StringComparison.Ordinal);
        }

        Assert.Equal("keep me", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(data, "*.partial"));
    }

    [Fact]
    public async Task Backup_WhenThereIsNoDatabaseOrItIsOnCosmos_SaysSoAndExits1()
    {
        var empty = Directory.CreateTempSubdirectory("librarybot-backup-").FullName;

        var missing = await BackupCommands.BackupAsync(empty, Path.Combine(empty, "b.db"));
        var cosmos = await BackupCommands.BackupAsync(empty, Path.Combine(empty, "b.db"), CosmosSettings);
        var cosmosRestore = await BackupCommands.RestoreAsync(empty, Path.Combine(empty, "b.db"), CosmosSettings);

        Assert.Equal($"Error: there is no database at {empty}/bot.db (Storage:Sqlite:Path), so nothing to back up.", BackupCommands.SingleError(missing));
        Assert.StartsWith("Error: Storage:Provider is Cosmos: backup and restore copy SQLite files only. Use Azure Cosmos DB's continuous backup",
            BackupCommands.SingleError(cosmos), StringComparison.Ordinal);
        Assert.Equal(BackupCommands.SingleError(cosmos), BackupCommands.SingleError(cosmosRestore));
        Assert.Empty(Directory.GetFiles(empty));
    }

    [Fact]
    public async Task Restore_WhenTheFileIsNoUsableBackup_PrintsOneLineAndLeavesTheDatabaseAlone()
    {
        var data = await NewStoreAsync();
        var ct = TestContext.Current.CancellationToken;
        var text = Path.Combine(data, "notes.txt");
        await File.WriteAllTextAsync(text, "not a database", ct);
        var foreign = CreateDatabase(Path.Combine(data, "foreign.db"), "CREATE TABLE things (x INTEGER);");
        var backup = Path.Combine(data, "good.db");
        Assert.Equal(0, (await BackupCommands.BackupAsync(data, backup)).ExitCode);
        var newer = CopyWith(backup, Path.Combine(data, "newer.db"), "INSERT INTO schema_version (version) VALUES (99);");
        var damaged = Path.Combine(data, "damaged.db");
        File.Copy(backup, damaged);
        await using (var file = File.OpenWrite(damaged))
        {
            // Page 2 onwards (the tables' pages) overwritten; the header still says SQLite.
            file.Position = 4096;
            await file.WriteAsync(Enumerable.Repeat((byte)0x5A, 8192).ToArray(), ct);
        }

        var cases = new (string Expected, string[] Args)[]
        {
            ("Error: name the backup file. Usage: restore <file>", []),
            ($"Error: {data}/nothing.db does not exist.", [$"{data}/nothing.db"]),
            ($"Error: {data} is a folder, not a backup file.", [data]),
            ($"Error: {text} is not a SQLite database, so not a LibraryBot backup.", [text]),
            ($"Error: {foreign} is a SQLite database but not a LibraryBot database (it has no schema_version, conversations, inbox, outbox tables).", [foreign]),
            ($"Error: {newer} was written by a newer LibraryBot (schema version 99; this build knows up to {SqliteSchema.Version})", [newer]),
            ($"Error: {damaged} ", [damaged]),
            ($"Error: {data}/bot.db is the database itself (Storage:Sqlite:Path); name a backup file.", [$"{data}/bot.db"]),
        };
        var before = await File.ReadAllBytesAsync(Path.Combine(data, "bot.db"), ct);
        foreach (var (expected, args) in cases)
        {
            var result = await BackupCommands.RunAsync(data, null, ["restore", .. args]);

            Assert.StartsWith(expected, BackupCommands.SingleError(result), StringComparison.Ordinal);
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(data, "bot.db"), ct));
        Assert.Empty(Directory.GetFiles(data, "*.before-restore-*"));
    }

    [Fact]
    public async Task Restore_WhileTheServerRuns_RefusesAndTheServerGoesOn()
    {
        await using var bot = await BotProcess.StartAsync();
        var backup = Path.Combine(bot.Directory, "running.db");
        Assert.Equal(0, (await BackupCommands.BackupAsync(bot.Directory, backup)).ExitCode);

        var result = await BackupCommands.RestoreAsync(bot.Directory, backup);

        Assert.Equal($"Error: LibraryBot is using {bot.DatabasePath}: the server (or a backup or create-staff command) is running. " +
            "Stop it first (e.g. systemctl stop librarybot), then run restore again.", BackupCommands.SingleError(result));
        var reply = await WhatsAppWebhook.PostAsync(bot.Http, WhatsAppWebhook.TextBody("15550001234", "hello"));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Empty(Directory.GetFiles(bot.Directory, "*.before-restore-*"));
    }

    [Fact]
    public async Task Restore_OverADatabase_KeepsTheReplacedOneWithItsLastCommits()
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["Inbox__ProcessingEnabled"] = "false" });
        var first = "wamid.first-" + Guid.NewGuid().ToString("N");
        var second = "wamid.second-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await WhatsAppWebhook.PostAsync(bot.Http, WhatsAppWebhook.TextBody("15550001235", "hello", first))).StatusCode);
        var backup = Path.Combine(bot.Directory, "first.db");
        var made = await BackupCommands.BackupAsync(bot.Directory, backup);
        Assert.Equal(HttpStatusCode.OK, (await WhatsAppWebhook.PostAsync(bot.Http, WhatsAppWebhook.TextBody("15550001235", "wifi", second))).StatusCode);
        await bot.KillAsync();

        var result = await BackupCommands.RestoreAsync(bot.Directory, backup);

        Assert.Equal(0, made.ExitCode);
        Assert.Equal(0, result.ExitCode);
        var kept = Assert.Single(Directory.GetFiles(bot.Directory, "bot.db.before-restore-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal));
        Assert.Matches(@"bot\.db\.before-restore-\d{8}-\d{6}$", kept);
        Assert.Equal(
            $"Restored {bot.DatabasePath} from {backup} (schema version {SqliteSchema.Version}).\n" +
            $"The database it replaced is kept as {kept}.\n" +
            $"Restored the demo library {bot.Directory}/demo-library.db from {bot.Directory}/first.demo-library.db; " +
            $"the one it replaced is kept as {bot.Directory}/demo-library.db.before-restore-{kept[^15..]}.\n",
            result.Output);
        Assert.Equal(1, DatabaseFile.Scalar(bot.DatabasePath, $"SELECT COUNT(*) FROM inbox WHERE dedupe_key IN ('{first}', '{second}')"));
        Assert.Equal(2, DatabaseFile.Scalar(kept, $"SELECT COUNT(*) FROM inbox WHERE dedupe_key IN ('{first}', '{second}')"));

        await bot.StartAsync(new Dictionary<string, string> { ["Inbox__ProcessingEnabled"] = "true" });
        await bot.WaitUntilAsync(() => Task.FromResult(bot.Scalar($"SELECT COUNT(*) FROM inbox WHERE dedupe_key = '{first}' AND status = 1") == 1),
            "the restored message to be processed");
    }

    /// <summary>A data folder with a migrated store and nothing running on it.</summary>
    private static async Task<string> NewStoreAsync()
    {
        var data = Directory.CreateTempSubdirectory("librarybot-backup-").FullName;
        await using (new SqliteDatabase(Path.Combine(data, "bot.db")))
        {
        }

        SqliteConnection.ClearAllPools();
        return data;
    }

    private static string CreateDatabase(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return path;
    }

    private static string CopyWith(string from, string to, string sql)
    {
        File.Copy(from, to);
        return CreateDatabase(to, sql);
    }
}
