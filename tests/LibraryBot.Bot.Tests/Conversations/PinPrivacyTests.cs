using System.Text;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>A PIN typed while linking a card is nowhere afterwards: not in the database file, not in its WAL, not in the logs.</summary>
[Collection(ConversationServerCollection.Name)]
public sealed class PinPrivacyTests(ConversationServer server)
{
    [Fact]
    public async Task Link_WhenPinsAreTyped_TheyAppearNowhereInTheDatabaseOrTheLogs()
    {
        // A wrong PIN distinctive enough that finding it by chance in the files is impossible, then a right one.
        const string WrongPin = "80417329";
        const string CardNumber = "29000100000094";
        var patron = new WhatsAppPatron(server.Bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("link card");
        await patron.SayAsync(CardNumber);
        (await patron.SayAsync(WrongPin)).Contains("don't match");
        await patron.SayAsync(CardNumber);
        (await patron.SayAsync("4321")).Contains("The library could not link this card").Contains("fines of $27.40");

        var database = server.Bot.DatabasePath;
        Checkpoint(database);
        foreach (var file in new[] { database, database + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            Assert.False(Contains(bytes, WrongPin), $"The PIN was found in {Path.GetFileName(file)}.");
            Assert.False(Contains(bytes, CardNumber), $"The full card number was found in {Path.GetFileName(file)}.");
        }

        Assert.DoesNotContain(WrongPin, server.Bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(CardNumber, server.Bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pins_WhenSentPromptedUnpromptedGluedOrAsAPassword_AreInNoFileOfTheDataFolderNorTheLogs()
    {
        // Wrong PINs distinctive enough that finding one by chance is impossible; nothing is checkpointed first: the
        // WAL and shared-memory files are read as the server left them.
        // Its own server: the library locks a card after repeated wrong PINs, which other tests' patrons must not meet.
        string[] secrets = ["80417329", "61529437", "93028461", "Zq7xPw93", "hunterpassword"];
        await using var bot = await LibraryBot.Bot.Tests.Support.BotProcess.StartAsync();
        var patron = new WhatsAppPatron(bot, Phones.New(Phones.UnitedStates));
        await patron.SayAsync("link card");
        await patron.SayAsync("29000100000086");
        (await patron.SayAsync(secrets[0])).Contains("don't match");
        (await patron.SayAsync("my card is 29000100000086 and my pin is " + secrets[1] + ", what are my loans?")).Contains("don't match");
        (await patron.SayAsync("29000100000086 " + secrets[2])).Contains("don't match");
        await patron.SayAsync("29000100000086");
        (await patron.SayAsync(secrets[3])).Contains("don't match");
        await patron.SayAsync("29000100000086");
        await patron.SayAsync(secrets[4]);

        foreach (var file in System.IO.Directory.GetFiles(bot.Directory))
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            foreach (var secret in secrets)
            {
                Assert.False(Contains(bytes, secret), $"The secret {secret} was found in {Path.GetFileName(file)}.");
            }
        }

        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, bot.Output, StringComparison.Ordinal);
        }
    }

    private static void Checkpoint(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;
}
