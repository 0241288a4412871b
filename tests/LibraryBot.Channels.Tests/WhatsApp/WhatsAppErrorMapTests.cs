using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.WhatsApp.Sending;

namespace LibraryBot.Channels.Tests.WhatsApp;

public sealed class WhatsAppErrorMapTests
{
    [Theory]
    [InlineData(130429)]
    [InlineData(131000)]
    [InlineData(131016)]
    [InlineData(131057)]
    [InlineData(4)]
    [InlineData(80007)]
    public void ToOutcome_WhenTransientCode_RetriesWithBackoff(int code)
    {
        var outcome = WhatsAppErrorMap.ToOutcome(code, "x", 400);
        Assert.Equal(SendOutcomeKind.RetryLater, outcome.Kind);
        Assert.Null(outcome.RetryAfter);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.ErrorCode);
    }

    [Fact]
    public void ToOutcome_WhenPairRateLimit_RetriesThatRecipientLater() =>
        Assert.Equal(WhatsAppErrorMap.PairRateBackoff, WhatsAppErrorMap.ToOutcome(131056, "pair rate").RetryAfter);

    [Fact]
    public void ToOutcome_WhenMarketingLimit_RetriesAfterADay() =>
        Assert.Equal(TimeSpan.FromHours(24), WhatsAppErrorMap.ToOutcome(131049, "healthy ecosystem").RetryAfter);

    [Theory]
    [InlineData(131026, RecipientEffect.Unreachable)]
    [InlineData(131050, RecipientEffect.OptedOutOfMarketing)]
    [InlineData(368, RecipientEffect.ChannelAlert)]
    [InlineData(131031, RecipientEffect.ChannelAlert)]
    [InlineData(190, RecipientEffect.ChannelAlert)]
    [InlineData(131042, RecipientEffect.ChannelAlert)]
    [InlineData(132001, RecipientEffect.None)]
    [InlineData(131009, RecipientEffect.None)]
    public void ToOutcome_WhenPermanentCode_FailsWithEffect(int code, RecipientEffect effect)
    {
        var outcome = WhatsAppErrorMap.ToOutcome(code, "Meta's words", 400);
        Assert.Equal(SendOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(effect, outcome.Effect);
        Assert.Contains("Meta's words", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ToOutcome_WhenReEngagementRequired_HoldsNeverRetries() =>
        Assert.Equal(SendOutcomeKind.Held, WhatsAppErrorMap.ToOutcome(131047, "Re-engagement message").Kind);

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public void ToOutcome_WhenUnknownCodeOnServerError_Retries(int status) =>
        Assert.Equal(SendOutcomeKind.RetryLater, WhatsAppErrorMap.ToOutcome(null, null, status).Kind);
}
