using LibraryBot.Channels.WhatsApp.Sending;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.Channels.Tests.WhatsApp;

public sealed class WhatsAppRateLimiterTests
{
    [Fact]
    public async Task WaitAsync_WhenBurstUsedUp_WaitsOneIntervalPerRequest()
    {
        var time = new FakeTimeProvider();
        var limiter = new WhatsAppRateLimiter(80, time);
        for (var i = 0; i < 8; i++)
        {
            Assert.True(limiter.WaitAsync(TestContext.Current.CancellationToken).IsCompleted, $"request {i + 1} of the burst should not wait");
        }

        var ninth = limiter.WaitAsync(TestContext.Current.CancellationToken).AsTask();
        var tenth = limiter.WaitAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(ninth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(12.5));
        await ninth.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.False(tenth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(12.5));
        await tenth.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void WaitAsync_WhenIdleForAWhile_AllowsABurstAgainButNoMore()
    {
        var time = new FakeTimeProvider();
        var limiter = new WhatsAppRateLimiter(80, time);
        time.Advance(TimeSpan.FromMinutes(1));
        var immediate = Enumerable.Range(0, 20).Count(_ => limiter.WaitAsync(TestContext.Current.CancellationToken).IsCompleted);
        Assert.Equal(8, immediate);
    }
}
