using LibraryBot.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Globalization;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Inbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Engine;

/// <summary>Two hosts on one database file stand for two processes: turns of one conversation must not both take effect on the same state.</summary>
public sealed class ConcurrentTurnTests
{
    [Fact]
    public async Task TurnRunner_WhenTwoProcessesRunTurnsOfOneConversationAtOnce_SerialisesThemWithoutLosingEither()
    {
        var path = Path.Combine(Path.GetTempPath(), "librarybot-tests", Guid.NewGuid().ToString("N"), "shared.db");
        await using var first = TestBot.Create(AddSlowCounter, databasePath: path);
        await using var second = TestBot.Create(AddSlowCounter, databasePath: path);

        var a = first.NewActivity(ActivityType.Message) with { Text = "one", DedupeKey = "turn-a" };
        var b = first.NewActivity(ActivityType.Message) with { Text = "two", DedupeKey = "turn-b" };
        await first.Services.GetRequiredService<InboxWriter>().AcceptAsync([a, b], CancellationToken.None);
        var inbox = first.Services.GetRequiredService<IInboxStore>();
        var entries = await inbox.ClaimPendingAsync("test", 0, 10, TimeSpan.FromMinutes(1), first.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(2, entries.Count);

        await Task.WhenAll(
            first.Services.GetRequiredService<TurnRunner>().RunAsync(entries[0], CancellationToken.None),
            second.Services.GetRequiredService<TurnRunner>().RunAsync(entries[1], CancellationToken.None));

        var state = (await first.StateAsync())!;
        Assert.Equal("2", state.Values["count"]);
        Assert.Contains("turn-a", state.RecentDedupeKeys);
        Assert.Contains("turn-b", state.RecentDedupeKeys);
        Assert.Equal(0, await inbox.CountPendingAsync(CancellationToken.None));
    }

    private static void AddSlowCounter(IServiceCollection services)
    {
        services.AddSingleton<ITurnMiddleware>(new SlowCounter());
        services.Replace(ServiceDescriptor.Singleton(new TurnMiddlewareOrder([.. TurnOrder.Middleware.Types, typeof(SlowCounter)])));
    }

    /// <summary>Counts turns in the conversation state, slowly, so the two turns overlap.</summary>
    private sealed class SlowCounter : ITurnMiddleware
    {
        public async Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
        {
            var count = context.State.Values.TryGetValue("count", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 0;
            await Task.Delay(300, CancellationToken.None);
            context.State.Values["count"] = (count + 1).ToString(CultureInfo.InvariantCulture);
            context.Handled = true;
        }
    }
}
