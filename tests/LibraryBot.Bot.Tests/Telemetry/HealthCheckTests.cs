using LibraryBot.Bot.Hosting;
using LibraryBot.Bot.Inbox;
using LibraryBot.Bot.Outbox;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Tests.Telemetry;

/// <summary>The workers check: the inbox processor and outbox dispatcher must run, unless this process is configured without them.</summary>
public sealed class HealthCheckTests
{
    [Theory]
    [InlineData(true, true, true, true, "Healthy", "running")]
    [InlineData(false, true, true, true, "Unhealthy", "inbox processor not running")]
    [InlineData(true, false, true, true, "Unhealthy", "outbox dispatcher not running")]
    [InlineData(false, false, false, false, "Healthy", "running")]
    public async Task Workers_WhenAWorkerThatShouldRunIsStopped_IsUnhealthyNamingIt(
        bool inboxRunning, bool outboxRunning, bool processingEnabled, bool dispatchEnabled, string status, string description)
    {
        var health = new WorkerHealth { InboxRunning = inboxRunning, OutboxRunning = outboxRunning };
        var check = new WorkersHealthCheck(health,
            Options.Create(new InboxOptions { ProcessingEnabled = processingEnabled }), Options.Create(new OutboxOptions { DispatchEnabled = dispatchEnabled }));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal((status, description), (result.Status.ToString(), result.Description));
    }
}
