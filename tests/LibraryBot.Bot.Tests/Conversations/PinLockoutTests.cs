using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Tests.Conversations;

public sealed class PinLockoutTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RecordFailure_WhenFiveWithinFifteenMinutes_LocksUntilTheWindowEnds()
    {
        var state = new ConversationState();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(4 - i, PinLockout.RecordFailure(state, Start.AddMinutes(i * 3)));
            Assert.Null(PinLockout.LockedUntil(state, Start.AddMinutes(i * 3)));
        }

        Assert.Equal(0, PinLockout.RecordFailure(state, Start.AddMinutes(14)));
        Assert.Equal(Start.AddMinutes(15), PinLockout.LockedUntil(state, Start.AddMinutes(14)));
        Assert.Null(PinLockout.LockedUntil(state, Start.AddMinutes(15)));
    }

    [Fact]
    public void RecordFailure_WhenTheWindowHasPassed_StartsCountingAgain()
    {
        var state = new ConversationState();
        for (var i = 0; i < 4; i++)
        {
            PinLockout.RecordFailure(state, Start);
        }

        Assert.Equal(4, PinLockout.RecordFailure(state, Start.AddMinutes(16)));
        Assert.Null(PinLockout.LockedUntil(state, Start.AddMinutes(16)));
    }

    [Fact]
    public void State_WhenFailuresAreRecorded_HoldsOnlyACountAndAWindow()
    {
        var state = new ConversationState();
        PinLockout.RecordFailure(state, Start);
        var stored = Assert.Single(state.Values);
        Assert.Equal(PinLockout.StateKey, stored.Key);
        Assert.Equal("{\"failures\":1,\"windowStart\":\"2026-11-23T10:00:00+00:00\"}", stored.Value);
    }
}
