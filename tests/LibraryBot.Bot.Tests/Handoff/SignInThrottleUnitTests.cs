using LibraryBot.Bot.Handoff;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LibraryBot.Bot.Tests.Handoff;

public sealed class SignInThrottleUnitTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public void BlockedUntil_WhenTheOldestFailureLeavesTheWindow_LetsTheUsernameTryAgain()
    {
        var throttle = Throttle(perUsername: 2, perAddress: 10, minutes: 10);
        throttle.RecordFailure("ana", "10.0.0.1");
        _clock.Advance(TimeSpan.FromMinutes(4));
        throttle.RecordFailure("ANA", "10.0.0.2");

        Assert.Equal(_clock.GetUtcNow().AddMinutes(6), throttle.BlockedUntil("Ana", "10.0.0.3"));
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(throttle.BlockedUntil("ana", "10.0.0.3"));
    }

    [Fact]
    public void RecordSuccess_ClearsOnlyThatUsernamesFailuresFromTheAddress()
    {
        var throttle = Throttle(perUsername: 5, perAddress: 3, minutes: 10);
        throttle.RecordFailure("mallory", "10.0.0.9");
        throttle.RecordFailure("mallory", "10.0.0.9");
        throttle.RecordFailure("eve", "10.0.0.9");
        Assert.NotNull(throttle.BlockedUntil("anyone", "10.0.0.9"));

        throttle.RecordSuccess("eve", "10.0.0.9");

        Assert.Null(throttle.BlockedUntil("anyone", "10.0.0.9"));
        throttle.RecordFailure("eve", "10.0.0.9");
        Assert.NotNull(throttle.BlockedUntil("anyone", "10.0.0.9"));
        Assert.Null(throttle.BlockedUntil("anyone", "10.0.0.10"));
    }

    [Theory]
    [InlineData(0, 20, 15, "SignInThrottle.MaxFailuresPerUsername")]
    [InlineData(5, 4, 15, "SignInThrottle.MaxFailuresPerAddress")]
    [InlineData(5, 20, 0, "SignInThrottle.WindowMinutes")]
    public void Validator_WhenALimitIsOutOfRange_NamesTheKey(int perUsername, int perAddress, int minutes, string key)
    {
        var options = new HandoffOptions { SignInThrottle = new SignInThrottleOptions { MaxFailuresPerUsername = perUsername, MaxFailuresPerAddress = perAddress, WindowMinutes = minutes } };

        var error = Assert.Single(new HandoffOptionsValidator().Validate(options).Errors);

        Assert.Equal(key, error.PropertyName);
    }

    private SignInThrottle Throttle(int perUsername, int perAddress, int minutes) =>
        new(Options.Create(new HandoffOptions { SignInThrottle = new SignInThrottleOptions { MaxFailuresPerUsername = perUsername, MaxFailuresPerAddress = perAddress, WindowMinutes = minutes } }), _clock);
}
