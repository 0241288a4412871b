using System.Net;
using LibraryBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LibraryBot.Bot.Tests.Integration;

/// <summary>
/// A large backlog stored while turns were off (as after an outage, when Meta re-delivers) drains completely, each
/// conversation's turns in arrival order, when claims are many times smaller than the backlog — so it is taken in
/// many claims after the last claimed sequence, with looks from the start in between.
/// </summary>
public sealed class BacklogDrainTests
{
    private const int Patrons = 24;
    private const int MessagesEach = 40;

    [Fact]
    public async Task StoredBacklog_WhenTurnsStart_DrainsEveryConversationInArrivalOrder()
    {
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Inbox__ProcessingEnabled"] = "false",
            ["Bot__MessagesPerMinutePerPatron"] = "10000",
        });
        using var gate = new SemaphoreSlim(16);
        var posts = Enumerable.Range(0, MessagesEach).SelectMany(m => Enumerable.Range(0, Patrons).Select(async p =>
        {
            await gate.WaitAsync();
            try
            {
                // Each patron's messages go one after another; patrons interleave.
                using var response = await WhatsAppWebhook.PostAsync(bot.Http, WhatsAppWebhook.TextBody($"3461000{p:D4}", "help", $"wamid.backlog-{p}-{m}"));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            finally
            {
                gate.Release();
            }
        })).ToList();
        await Task.WhenAll(posts);
        Assert.Equal(Patrons * MessagesEach, bot.Scalar("SELECT COUNT(*) FROM inbox WHERE status = 0"));

        await bot.KillAsync();
        await bot.StartAsync(new Dictionary<string, string>
        {
            ["Inbox__ProcessingEnabled"] = "true",
            ["Inbox__ClaimBatchSize"] = "40",
        });
        await bot.WaitUntilAsync(() => Task.FromResult(bot.Scalar("SELECT COUNT(*) FROM inbox WHERE status = 0") == 0), "the backlog to drain", seconds: 180);

        // Turn order is the order of the replies each turn committed; arrival order is the inbox sequence.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = bot.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.conversation_key, i.seq, (SELECT MIN(o.id) FROM outbox o WHERE o.inbound_dedupe_key = i.dedupe_key)
            FROM inbox i WHERE i.dedupe_key LIKE 'wamid.backlog-%' ORDER BY i.conversation_key, i.seq
            """;
        var turns = new List<(string Conversation, long Sequence, long? FirstReply)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                turns.Add((reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
            }
        }

        Assert.Equal(Patrons * MessagesEach, turns.Count);
        Assert.All(turns, t => Assert.NotNull(t.FirstReply));
        foreach (var conversation in turns.GroupBy(t => t.Conversation))
        {
            var replies = conversation.Select(t => t.FirstReply!.Value).ToList();
            Assert.Equal(replies.Order(), replies);
        }

        Assert.Equal(Patrons, turns.Select(t => t.Conversation).Distinct().Count());
    }
}
