using System.Net;
using LibraryBot.Bot.Tests.Conversations;
using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Storage;

/// <summary>
/// Many WhatsApp patrons writing at once, as Meta delivers them: each patron posts signed webhooks one after another
/// until told to stop, and every message the server acknowledged with 200 is recorded in the order the answers came.
/// </summary>
internal sealed class PatronLoad
{
    private static readonly string[] Texts = ["hello", "wifi", "are you open now?", "printing", "help", "fines"];

    private readonly List<SentMessage> _acknowledged = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _patrons;

    private PatronLoad(BotProcess bot, int patrons) =>
        _patrons = Task.WhenAll(Enumerable.Range(0, patrons).Select(_ => Task.Run(() => WriteAsync(bot, Phones.New(Phones.UnitedStates)))));

    public static PatronLoad Start(BotProcess bot, int patrons) => new(bot, patrons);

    /// <summary>The messages acknowledged so far.</summary>
    public IReadOnlyList<SentMessage> Acknowledged()
    {
        lock (_acknowledged)
        {
            return [.. _acknowledged];
        }
    }

    /// <summary>Completes once <paramref name="count"/> messages have been acknowledged (fails if the load fails first).</summary>
    public Task AcknowledgedAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_acknowledged)
        {
            if (_acknowledged.Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, reached));
        }

        return Task.WhenAny(reached.Task, _patrons).Unwrap();
    }

    /// <summary>Lets every patron finish the message it is sending, then stops; rethrows a failed delivery.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _patrons;
    }

    private async Task WriteAsync(BotProcess bot, string phone)
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            var message = new SentMessage("wamid.load-" + Guid.NewGuid().ToString("N"), Texts[i % Texts.Length]);
            using var response = await WhatsAppWebhook.PostAsync(bot.Http, WhatsAppWebhook.TextBody(phone, message.Text, message.Wamid));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            lock (_acknowledged)
            {
                _acknowledged.Add(message);
                foreach (var waiter in _waiters.Where(w => _acknowledged.Count >= w.Count).ToList())
                {
                    waiter.Reached.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }
}
