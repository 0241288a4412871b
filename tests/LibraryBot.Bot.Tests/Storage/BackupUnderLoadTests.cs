using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>
/// Issue 15, item 7: a backup taken with the command while many patrons write, restored into a fresh data folder, holds
/// every message the server acknowledged before the backup started, and the server restarted on it processes them.
/// </summary>
public sealed class BackupUnderLoadTests
{
    private const int Patrons = 24;
    private const int AcknowledgedBeforeBackup = 150;

    /// <summary>No patron is rate limited, so every message reaches the transcript.</summary>
    private static readonly Dictionary<string, string> Settings = new() { ["Bot__MessagesPerMinutePerPatron"] = "10000" };

    [Fact]
    public async Task Backup_TakenWhilePatronsWrite_RestoresEveryMessageAcknowledgedBeforeIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await BotProcess.StartAsync(Settings);
        var backupFile = Path.Combine(server.Directory, "backups", "under-load.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backupFile)!);

        // Patrons write; once enough messages are acknowledged, the backup starts while they go on writing.
        var load = PatronLoad.Start(server, Patrons);
        await load.AcknowledgedAsync(AcknowledgedBeforeBackup).WaitAsync(TimeSpan.FromSeconds(60), ct);
        var beforeBackup = load.Acknowledged();
        var backup = await BackupCommands.BackupAsync(server.Directory, backupFile);
        var whileBackupRan = load.Acknowledged().Count - beforeBackup.Count;
        await load.StopAsync();
        await server.KillAsync();

        Assert.True(backup.ExitCode == 0, $"backup: {backup.Errors}");
        Assert.Contains($"to {backupFile} (", backup.Output, StringComparison.Ordinal);
        Assert.True(whileBackupRan > 0, "no message was acknowledged while the backup ran: the test did not test a backup under load");
        Assert.Equal("ok", DatabaseFile.IntegrityCheck(backupFile));

        // A fresh data folder: restore, then every message acknowledged before the backup is in the inbox.
        var fresh = Directory.CreateTempSubdirectory("librarybot-restored-").FullName;
        var restore = await BackupCommands.RestoreAsync(fresh, backupFile);
        Assert.True(restore.ExitCode == 0, $"restore: {restore.Errors}");
        var restored = Path.Combine(fresh, "bot.db");
        Assert.Equal("ok", DatabaseFile.IntegrityCheck(restored));
        Assert.Equal("ok", DatabaseFile.IntegrityCheck(Path.Combine(fresh, "demo-library.db")));
        var inbox = DatabaseFile.Rows(restored, "SELECT dedupe_key FROM inbox").Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        Missing(beforeBackup.Where(m => !inbox.Contains(m.Wamid)).ToList(), beforeBackup.Count, "the restored inbox");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{beforeBackup.Count} messages acknowledged before the backup, {whileBackupRan} while it ran; the backup holds {inbox.Count}, " +
            $"{DatabaseFile.Scalar(restored, "SELECT COUNT(*) FROM inbox WHERE status = 0")} of them not yet processed.");

        // The server started on it processes what was still waiting: every one of them is in the transcript, word for word.
        await using var restarted = await BotProcess.StartAsync(Settings, directory: fresh);
        await restarted.WaitUntilAsync(() => Task.FromResult(restarted.Scalar("SELECT COUNT(*) FROM inbox WHERE status = 0") == 0),
            "the restored inbox to be processed", seconds: 180);
        var transcript = DatabaseFile.Rows(restored, "SELECT entry_key, text FROM transcript WHERE entry_key LIKE 'in:%'")
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        Missing(beforeBackup.Where(m => transcript.GetValueOrDefault("in:" + m.Wamid) != m.Text).ToList(), beforeBackup.Count, "the transcript");
        Assert.Equal("ok", DatabaseFile.IntegrityCheck(restored));
    }

    private static void Missing(IReadOnlyList<SentMessage> missing, int acknowledged, string where) =>
        Assert.True(missing.Count == 0, $"{missing.Count} of the {acknowledged} messages acknowledged before the backup are not in {where}, e.g. {missing.FirstOrDefault()}");
}
