using System.Text;
using LibraryBot.CatalogAdapter.Sip2;

namespace LibraryBot.CatalogAdapter.Tests.Sip2;

public sealed class Sip2CodecDialectTests
{
    [Fact]
    public async Task ReadFrameAsync_WhenCrAndCrLfAndLfMixed_ReturnsEachMessageOnce()
    {
        var reader = new Sip2FrameReader(new MemoryStream("941\r\n940\r941\n\r\n"u8.ToArray()));

        Assert.Equal("941", Encoding.ASCII.GetString((await reader.ReadFrameAsync(TestContext.Current.CancellationToken))!));
        Assert.Equal("940", Encoding.ASCII.GetString((await reader.ReadFrameAsync(TestContext.Current.CancellationToken))!));
        Assert.Equal("941", Encoding.ASCII.GetString((await reader.ReadFrameAsync(TestContext.Current.CancellationToken))!));
        Assert.Null(await reader.ReadFrameAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadFrameAsync_WhenPeerClosesMidMessage_Throws()
    {
        var reader = new Sip2FrameReader(new MemoryStream("94"u8.ToArray()));

        await Assert.ThrowsAsync<IOException>(() => reader.ReadFrameAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Encode_WhenTerminatorIsCrLf_EndsWithCrLf()
    {
        var codec = new Sip2Codec(new UTF8Encoding(false), errorDetection: false, Sip2Terminator.CRLF);

        Assert.Equal("9900802.00\r\n", Encoding.ASCII.GetString(codec.Encode(Sip2Requests.Status(), 3)));
    }

    [Fact]
    public void Encode_WhenErrorDetectionOff_SendsNoSequenceOrChecksum()
    {
        var codec = new Sip2Codec(new UTF8Encoding(false), errorDetection: false, Sip2Terminator.CR);

        var text = Encoding.ASCII.GetString(codec.Encode(Sip2Requests.Login("u", "p", null), 1));

        Assert.Equal("9300CNu|COp|\r", text);
    }

    [Fact]
    public void Decode_WhenKohaEscapesPipe_RestoresIt()
    {
        var codec = new Sip2Codec(new UTF8Encoding(false), errorDetection: true, Sip2Terminator.CRLF);

        var message = codec.Decode("1804000119980723    115615ABX1|AJCats &#124; dogs|"u8).Message;

        Assert.Equal("Cats | dogs", message.Get("AJ"));
    }

    [Fact]
    public void Encode_WhenValueContainsSeparator_ReplacesItWithSpace()
    {
        var codec = new Sip2Codec(new UTF8Encoding(false), errorDetection: false, Sip2Terminator.CR);

        var text = Encoding.ASCII.GetString(codec.Encode(Sip2Message.Create("17", Sip2Date.Blank, ("AB", "a|b\rc")), null));

        Assert.EndsWith("ABa b c|\r", text);
    }

    [Theory]
    [InlineData("ISO-8859-1", "Jiménez", new byte[] { 0x4A, 0x69, 0x6D, 0xE9, 0x6E, 0x65, 0x7A })]
    [InlineData("UTF-8", "Jiménez", new byte[] { 0x4A, 0x69, 0x6D, 0xC3, 0xA9, 0x6E, 0x65, 0x7A })]
    [InlineData("IBM850", "Jiménez", new byte[] { 0x4A, 0x69, 0x6D, 0x82, 0x6E, 0x65, 0x7A })]
    public void Encode_WhenEncodingConfigured_WritesThoseBytesAndChecksumsThem(string encodingName, string value, byte[] expected)
    {
        var codec = new Sip2Codec(Sip2Encodings.Get(encodingName), errorDetection: true, Sip2Terminator.CR);

        var bytes = codec.Encode(Sip2Message.Create("17", Sip2Date.Blank, ("AB", value)), 0);

        Assert.True(bytes.AsSpan().IndexOf(expected) > 0);
        Assert.True(Sip2Checksum.IsValid(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Equal(value, codec.Decode(bytes.AsSpan(0, bytes.Length - 1)).Message.Get("AB"));
    }

    [Theory]
    [InlineData("20261124    235959", 2026, 11, 24)]
    [InlineData("20261124", 2026, 11, 24)]
    [InlineData("2026-11-24", 2026, 11, 24)]
    public void ParseDate_WhenServerFormatsDiffer_ReadsTheDate(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Sip2Date.ParseDate(text));
    }

    [Fact]
    public void Format_WhenLocalTime_UsesFourSpacesForZone()
    {
        Assert.Equal("20261124    093005", Sip2Date.Format(new DateTime(2026, 11, 24, 9, 30, 5)));
    }

    [Theory]
    [InlineData("Item cannot be renewed: too_many", OutcomeReason.TooManyRenewals)]
    [InlineData("This item is on hold for another patron", OutcomeReason.OnHoldForAnotherPatron)]
    [InlineData("Item not checked out", OutcomeReason.NotFound)]
    [InlineData("Patron is debarred", OutcomeReason.PatronBlocked)]
    [InlineData("Computer says no", OutcomeReason.NotRenewable)]
    [InlineData(null, OutcomeReason.NotRenewable)]
    public void ForRenewal_WhenScreenMessageWorded_NormalisesReason(string? message, OutcomeReason expected)
    {
        Assert.Equal(expected, Sip2Reasons.ForRenewal(message));
    }

    [Theory]
    [InlineData("Patron already has a hold on this title", OutcomeReason.AlreadyHeld)]
    [InlineData("Hold requests are not supported by this SIP server", OutcomeReason.HoldNotAllowed)]
    [InlineData("Hold not found", OutcomeReason.NotFound)]
    [InlineData(null, OutcomeReason.HoldNotAllowed)]
    public void ForHold_WhenScreenMessageWorded_NormalisesReason(string? message, OutcomeReason expected)
    {
        Assert.Equal(expected, Sip2Reasons.ForHold(message));
    }
}
