using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.Sms;
using LibraryBot.Channels.Sms.Sending;

namespace LibraryBot.Channels.Tests.Sms;

public sealed class SmsNumbersTests
{
    [Theory]
    [InlineData("0612 345 678", "NL", "+31612345678")]
    [InlineData("612 34 56 78", "ES", "+34612345678")]
    [InlineData("+34 612-34-56-78", "US", "+34612345678")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("0912 345 678", "vn", "+84912345678")]
    [InlineData("139 1234 5678", "CN", "+8613912345678")]
    [InlineData("00 34 612 345 678", "ES", "+34612345678")]
    public void TryNormalize_WhenAValidNumberAsPeopleWriteIt_GivesE164(string input, string region, string expected)
    {
        Assert.True(SmsNumbers.TryNormalize(input, region, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("34612345678", "ES")]
    [InlineData("+14155552671", "US")]
    [InlineData("84912345678", "VN")]
    [InlineData("8613912345678", "CN")]
    [InlineData("999", null)]
    [InlineData("", null)]
    public void RegionOf_WhenAFullInternationalNumber_GivesItsCountry(string number, string? expected) =>
        Assert.Equal(expected, SmsNumbers.RegionOf(number));

    [Theory]
    [InlineData("")]
    [InlineData("text me")]
    [InlineData("12")]
    [InlineData("+34 000 000")]
    [InlineData("29000100000011")]
    public void TryNormalize_WhenNotAValidNumber_IsFalse(string input) =>
        Assert.False(SmsNumbers.TryNormalize(input, "ES", out _));

    [Theory]
    [InlineData("+15551234567", true)]
    [InlineData("+8613912345678", true)]
    [InlineData("15551234567", false)]
    [InlineData("+0123456789", false)]
    [InlineData("+1 555 123 4567", false)]
    [InlineData("+1234567890123456", false)]
    [InlineData(null, false)]
    public void IsE164_ChecksTheSyntax(string? number, bool expected) => Assert.Equal(expected, SmsNumbers.IsE164(number));

    [Fact]
    public void Render_WhenTextHasAnEmojiAtTheCut_NeverSplitsIt()
    {
        var text = string.Concat(Enumerable.Repeat("📚", 1000));
        var parts = SmsMessageText.Render(new TextMessage(text));
        Assert.All(parts, p => Assert.True(p.Length <= SmsMessageText.MaxBody && !char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }
}
