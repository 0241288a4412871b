using LibraryBot.Bot.Telemetry;

namespace LibraryBot.Bot.Tests.Telemetry;

/// <summary>Only short numeric channel error codes become tag values; anything else could carry free text.</summary>
public sealed class BotMetricsTests
{
    [Theory]
    [InlineData(null, "none")]
    [InlineData("", "none")]
    [InlineData("131047", "131047")]
    [InlineData("-1", "-1")]
    [InlineData("45015", "45015")]
    [InlineData("-", "other")]
    [InlineData("+15550107777 is not on WhatsApp", "other")]
    [InlineData("1234567890123", "other")]
    public void ErrorCodeTag_WhenGivenACode_KeepsOnlyShortNumbers(string? code, string tag) =>
        Assert.Equal(tag, BotMetrics.ErrorCodeTag(code));
}
