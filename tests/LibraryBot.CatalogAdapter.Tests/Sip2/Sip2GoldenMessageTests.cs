using System.Text;
using LibraryBot.CatalogAdapter.Sip2;

namespace LibraryBot.CatalogAdapter.Tests.Sip2;

/// <summary>
/// Exact bytes for every request and response in ils.md's table. Vectors marked "3M" are the examples of the
/// 3M SIP2 Developers Guide as quoted by other implementations (Koha's t/SIP_Checksum test, dp2's SIP tests);
/// the others were computed by hand from the rule in ils.md (sum of bytes, negated, low 16 bits).
/// </summary>
public sealed class Sip2GoldenMessageTests
{
    private static readonly DateTime At = new(1998, 7, 23, 9, 19, 5);
    private static readonly Sip2Codec Codec = new(new UTF8Encoding(false), errorDetection: true, Sip2Terminator.CR);

    private static string Encode(Sip2Message message, int? sequence) => Encoding.UTF8.GetString(Codec.Encode(message, sequence));

    [Fact]
    public void Encode_WhenPatronInformationFrom3MGuide_MatchesBytesAndChecksum()
    {
        var message = Sip2Requests.PatronInformation(At, "InstitutionID", "PatronID", null, 1, 1, 5) with { Fixed = "00119980723    091905Y         " };

        Assert.Equal("6300119980723    091905Y         AOInstitutionID|AAPatronID|BP00001|BQ00005|AY1AZEA83\r", Encode(message, 1));
    }

    [Fact]
    public void Encode_WhenItemInformationFrom3MGuide_MatchesBytesAndChecksum()
    {
        var message = Sip2Requests.ItemInformation(new DateTime(1998, 7, 23, 10, 0, 0), "Certification Institute ID", "ItemBook");

        Assert.Equal("1719980723    100000AOCertification Institute ID|ABItemBook|AY1AZEBEB\r", Encode(message, 1));
    }

    [Fact]
    public void Encode_WhenScStatusFrom3MGuide_MatchesBytesAndChecksum()
    {
        Assert.Equal("9900802.00AY1AZFCA0\r", Encode(Sip2Requests.Status(), 1));
        Assert.Equal("FCB4", Sip2Checksum.Format(Sip2Checksum.Compute("990 402.00AY1AZ"u8)));
        Assert.Equal("FCA5", Sip2Checksum.Format(Sip2Checksum.Compute("9900401.00AY1AZ"u8)));
    }

    [Fact]
    public void Encode_WhenLogin_MatchesBytes()
    {
        var message = Sip2Requests.Login("LoginUserID", "LoginPassword", "LocationCode");

        Assert.Equal("9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC7B\r", Encode(message, 5));
    }

    [Fact]
    public void Encode_WhenRenew_MatchesBytes()
    {
        var message = Sip2Requests.Renew(new DateTime(2017, 6, 30, 14, 44, 19), "dp2Library", "L905071", "510105", null);

        Assert.Equal("29NN20170630    144419                  AOdp2Library|AAL905071|AB510105|AY2AZEE76\r", Encode(message, 2));
    }

    [Fact]
    public void Encode_WhenHoldPlacedAndCancelled_MatchesBytes()
    {
        var now = new DateTime(2017, 6, 30, 14, 44, 19);

        Assert.Equal(
            "15+20170630    144419BSCENTRAL|AOdp2Library|AAL905071|AB510105|AY3AZEE11\r",
            Encode(Sip2Requests.Hold(now, '+', "dp2Library", "L905071", "510105", null, "CENTRAL"), 3));
        Assert.Equal(
            "15-20170630    144419AOdp2Library|AAL905071|AB510105|AY4AZF128\r",
            Encode(Sip2Requests.Hold(now, '-', "dp2Library", "L905071", "510105", null, null), 4));
    }

    [Fact]
    public void Encode_WhenResendRequest_CarriesChecksumButNoSequence()
    {
        Assert.Equal("97AZFEF5\r", Encode(Sip2Requests.RequestAcsResend(), null));
    }

    [Fact]
    public void Decode_WhenLoginResponseFrom3MGuide_IsValidAndOk()
    {
        var frame = Codec.Decode("941AY3AZFDFA"u8);

        Assert.True(frame.ChecksumValid);
        Assert.Equal(3, frame.Sequence);
        Assert.Equal("94", frame.Message.Code);
        Assert.Equal('1', frame.Message.FixedAt(0));
    }

    [Fact]
    public void Decode_WhenAcsStatus_ReadsFlagsAndSupportedMessages()
    {
        var text = "98YYYYYN01000320170623    1537532.00AOdp2Library|AMdp2Library|BXYYYYYYYYYYYYYNYY|AFHolds are off|AY4AZ";
        var status = Sip2AcsStatus.From(Codec.Decode(WithChecksum(text)).Message);

        Assert.True(status.Online);
        Assert.Equal("2.00", status.ProtocolVersion);
        Assert.False(status.Supports(Sip2AcsStatus.HoldPosition));
        Assert.True(status.Supports(14));
        Assert.Equal("Holds are off", status.ScreenMessage);
    }

    [Fact]
    public void Decode_WhenPatronInformationResponse_ReadsCountsFlagsAndLists()
    {
        var text = "64  YY          00119980723    104009000100000002000100020000AOInstitutionID|AAPatronID|AEDoe, Jane|BLY|CQN|BV12.50|BHEUR|AQCENTRAL|ASItemID1|AUChargeItem1|AUChargeItem2|AFScreen 1|AFScreen 2|AY4AZ";
        var frame = Codec.Decode(WithChecksum(text));
        var patron = Sip2PatronInformation.From(frame.Message);

        Assert.True(frame.ChecksumValid);
        Assert.Equal(1, patron.HoldCount);
        Assert.Equal(2, patron.ChargedCount);
        Assert.Equal(["ChargeItem1", "ChargeItem2"], patron.ChargedItems);
        Assert.Equal(["ItemID1"], patron.HoldItems);
        Assert.True(patron.ValidPatron);
        Assert.False(patron.ValidPassword);
        Assert.Equal(12.50m, patron.FeeAmount);
        Assert.Equal("EUR", patron.Currency);
        Assert.Equal("CENTRAL", patron.HomeLibrary);
        Assert.Equal("Screen 1 Screen 2", patron.ScreenMessage);
        Assert.False(patron.IsBlocked);
    }

    [Fact]
    public void Decode_WhenItemInformationResponse_ReadsStatusDueDateAndQueue()
    {
        var text = "1804000119980723    115615CF00002|AH19980801    235900|ABItemBook|AJTitle For Item Book|AQMAIN|APBRANCH|CM19980810    000000|ZR1|AY0AZ";
        var item = Sip2ItemInformation.From(Codec.Decode(WithChecksum(text)).Message);

        Assert.Equal(Sip2ItemInformation.Charged, item.CirculationStatus);
        Assert.Equal(2, item.HoldQueueLength);
        Assert.Equal(new DateOnly(1998, 8, 1), item.DueDate);
        Assert.Equal(new DateOnly(1998, 8, 10), item.HoldPickupDate);
        Assert.Equal("Title For Item Book", item.Title);
        Assert.Equal("BRANCH", item.CurrentLocation);
        Assert.Equal("1", item.Extra("ZR"));
    }

    [Fact]
    public void Decode_WhenRenewResponsesFromDp2_ReadOutcomeAndDates()
    {
        var refused = Sip2RenewResponse.From(Codec.Decode("300YNN20170630    144410AOdp2Library|AA|AB510105|AJ|AH|AFRenewal limit reached|"u8).Message);
        var renewed = Sip2RenewResponse.From(Codec.Decode("301YNN20170630    154932AOdp2Library|AAL905071|AB510104|AJSpanish cooking|AH2017-08-29|"u8).Message);

        Assert.False(refused.Ok);
        Assert.Null(refused.DueDate);
        Assert.Equal("Renewal limit reached", refused.ScreenMessage);
        Assert.True(renewed.Ok);
        Assert.Equal(new DateOnly(2017, 8, 29), renewed.DueDate);
        Assert.Equal("Spanish cooking", renewed.Title);
    }

    [Fact]
    public void Decode_WhenHoldResponse_ReadsQueuePositionAndPickup()
    {
        var hold = Sip2HoldResponse.From(Codec.Decode(WithChecksum("161N20170630    144410BW20170730    144410|BR3|BSCENTRAL|AOdp2Library|AAL905071|AB510105|AJTitle|AY4AZ")).Message);

        Assert.True(hold.Ok);
        Assert.False(hold.Available);
        Assert.Equal(3, hold.QueuePosition);
        Assert.Equal("CENTRAL", hold.PickupLocation);
        Assert.Equal("510105", hold.ItemId);
    }

    [Fact]
    public void Decode_WhenRenewAllResponse_ListsRenewedAndUnrenewed()
    {
        var message = Codec.Decode("6610001000120170630    144410AOdp2Library|BM001|BN002|AFdone|"u8).Message;

        Assert.Equal("66", message.Code);
        Assert.Equal(["001"], message.GetAll("BM"));
        Assert.Equal(["002"], message.GetAll("BN"));
    }

    [Fact]
    public void Decode_WhenPatronStatusResponseFrom3MGuide_ReadsName()
    {
        var message = Codec.Decode("24              00119960212    100239AO|AA104000000105|AEJohn Doe|AFScreen Message|AGCheck Print message|"u8).Message;

        Assert.Equal("John Doe", message.Get("AE"));
        Assert.Equal("104000000105", message.Get("AA"));
    }

    internal static byte[] WithChecksum(string throughAz)
    {
        var bytes = Encoding.UTF8.GetBytes(throughAz);
        return [.. bytes, .. Encoding.ASCII.GetBytes(Sip2Checksum.Format(Sip2Checksum.Compute(bytes)))];
    }
}
