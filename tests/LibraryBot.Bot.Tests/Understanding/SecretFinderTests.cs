using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Tests.Understanding;

/// <summary>PINs are found wherever they appear, so they can be taken out before anything is stored.</summary>
public sealed class SecretFinderTests
{
    [Theory]
    [InlineData("my card is 29000100000086 and my pin is 2718, what are my loans?", "2718")]
    [InlineData("29000100000086 2718", "2718")]
    [InlineData("29000100000086/2718", "2718")]
    [InlineData("pin: 2718", "2718")]
    [InlineData("PIN2718", "2718")]
    [InlineData("mi pin es 2718", "2718")]
    [InlineData("密码是2718", "2718")]
    [InlineData("mã pin là 2718", "2718")]
    [InlineData("my password is abc123", "abc123")]
    public void Redact_WhenAPinIsInASentence_TakesOutExactlyThePin(string message, string pin)
    {
        var (redacted, found) = SecretFinder.Redact(message, SecretFinder.Find(message));
        Assert.Equal(pin, found);
        Assert.DoesNotContain(pin, redacted, StringComparison.Ordinal);
        Assert.Contains(Utterance.SecretMarker, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2718")]
    [InlineData(" 0042 ")]
    [InlineData("２７１８")]
    public void Find_WhenTheWholeMessageIsAShortNumber_SaysItMayBeAPin(string message) =>
        Assert.True(SecretFinder.Find(message).WholeMessage);

    [Theory]
    [InlineData("2")]
    [InlineData("29000100000086")]
    [InlineData("my password is wrong")]
    [InlineData("the pin of the map")]
    [InlineData("renew 2")]
    public void Find_WhenNoPinIsThere_FindsNone(string message)
    {
        var found = SecretFinder.Find(message);
        Assert.Null(found.Pin);
        Assert.False(found.WholeMessage);
    }
}
