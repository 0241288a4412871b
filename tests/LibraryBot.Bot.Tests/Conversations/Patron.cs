using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>
/// A patron talking to the real server through a channel's signed webhook. Each turn returns what the channel's fake
/// API (and, on WeChat, the passive HTTP reply) received for this patron since the previous turn, as readable text.
/// </summary>
public abstract class Patron(BotProcess bot, string id)
{
    private long _lastSequence;

    public string Id { get; } = id;

    protected BotProcess Bot { get; } = bot;

    /// <summary>What the library sent on its own (a notice) in the turn of <paramref name="dedupeKey"/>, once it ran.</summary>
    public abstract Task<Turn> TurnAsync(string dedupeKey);

    /// <summary>
    /// Waits until the server has run the turn of <paramref name="dedupeKey"/> and dispatched all its replies, then
    /// reads from the fake API exactly the replies it sent (after any <paramref name="passive"/> HTTP reply).
    /// </summary>
    protected async Task<Turn> CollectAsync(string dedupeKey, string path, Func<JsonNode, string> render, Func<JsonNode, long> sequence, IReadOnlyList<string> passive)
    {
        var key = dedupeKey.Replace("'", "''", StringComparison.Ordinal);
        // The turn ran once its inbox entry is no longer pending (after "delete my data" the consumed entry is gone too).
        await Bot.WaitUntilAsync(() => Task.FromResult(Bot.Scalar($"SELECT COUNT(*) FROM inbox WHERE dedupe_key = '{key}' AND status = 0") == 0), $"the turn of {dedupeKey}");
        await Bot.WaitUntilAsync(() => Task.FromResult(Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{key}' AND status = 0") == 0), $"the replies to {dedupeKey}");
        var failed = Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{key}' AND status IN (2, 3)");
        Assert.True(failed == 0, $"{failed} replies to {dedupeKey} failed or were held.\n{Bot.Output}");
        var expected = Bot.Scalar($"SELECT COUNT(*) FROM outbox WHERE inbound_dedupe_key = '{key}' AND status = 1");

        var messages = new List<string>(passive);
        var raw = new List<JsonNode>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (raw.Count < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The fake API did not receive {expected} replies to {dedupeKey}.\n{Bot.Output}");
            var items = JsonNode.Parse(await Bot.Http.GetStringAsync($"{path}?to={Uri.EscapeDataString(Id)}&after={_lastSequence}"))!.AsArray();
            foreach (var item in items)
            {
                _lastSequence = Math.Max(_lastSequence, sequence(item!));
                messages.Add(render(item!));
                raw.Add(item!);
            }

            if (raw.Count < expected)
            {
                await Task.Delay(50);
            }
        }

        return new Turn(messages, raw);
    }
}
