using LibraryBot.Bot.Notices;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>What a librarian pastes or scans into the pickup batch, read as card and phone numbers with their lines.</summary>
public sealed class PickupBatchInputTests
{
    [Fact]
    public void Parse_WhenLinesAndCommasMix_KeepsEachEntryWithItsLine()
    {
        var entries = PickupBatchInput.Parse(["29000100000011, 2900-0100-0000-29\r\n\n+1 (555) 010-4477;２９０００１００００００３７", "abc"]);

        Assert.Equal(
            [
                (1, PickupBatchEntryKind.Card, "29000100000011"),
                (1, PickupBatchEntryKind.Card, "29000100000029"),
                (3, PickupBatchEntryKind.Phone, "15550104477"),
                (3, PickupBatchEntryKind.Card, "29000100000037"),
                (4, PickupBatchEntryKind.Invalid, "abc"),
            ],
            entries.Select(e => (e.Line, e.Kind, e.Value)));
    }

    [Theory]
    [InlineData("+12")]
    [InlineData("+1555010447712345")]
    [InlineData("+1555abc4477")]
    public void Parse_WhenAPhoneNumberIsTooShortOrTooLong_SaysHowToWriteIt(string typed)
    {
        var entry = Assert.Single(PickupBatchInput.Parse([typed]));

        Assert.Equal(PickupBatchEntryKind.Invalid, entry.Kind);
        Assert.StartsWith("invalid phone number: write + and the country code", entry.Problem, StringComparison.Ordinal);
    }
}
