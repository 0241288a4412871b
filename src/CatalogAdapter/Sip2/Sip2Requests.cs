namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>The requests the bot sends, field by field as in the SIP2 2.00 specification.</summary>
internal static class Sip2Requests
{
    /// <summary>Summary position (1-based) of each list a 63 can ask for.</summary>
    public const int HoldItems = 1;
    public const int OverdueItems = 2;
    public const int ChargedItems = 3;
    public const int UnavailableHoldItems = 6;

    /// <summary>93: plain-text user id and password (algorithm 0), location when configured.</summary>
    public static Sip2Message Login(string user, string password, string? location) =>
        Sip2Message.Create("93", "00", ("CN", user), ("CO", password), ("CP", location));

    /// <summary>99: status 0 (OK), print width 080, protocol 2.00.</summary>
    public static Sip2Message Status() => Sip2Message.Create("99", "0" + "080" + "2.00");

    /// <summary>63: language 000 (unknown), the summary with at most one list asked for, optional PIN and paging.</summary>
    public static Sip2Message PatronInformation(
        DateTime now, string institution, string patron, string? pin, int summaryPosition = 0, int? start = null, int? end = null)
    {
        var summary = new char[10];
        Array.Fill(summary, ' ');
        if (summaryPosition is >= 1 and <= 10)
        {
            summary[summaryPosition - 1] = 'Y';
        }

        return Sip2Message.Create(
            "63",
            "000" + Sip2Date.Format(now) + new string(summary),
            ("AO", institution),
            ("AA", patron),
            ("AD", pin),
            ("BP", start?.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)),
            ("BQ", end?.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>17: item information by barcode.</summary>
    public static Sip2Message ItemInformation(DateTime now, string institution, string itemId) =>
        Sip2Message.Create("17", Sip2Date.Format(now), ("AO", institution), ("AB", itemId));

    /// <summary>29: renew one item (no third party, blocks honoured, no due date of our own), by barcode or by title.</summary>
    public static Sip2Message Renew(DateTime now, string institution, string patron, string? itemId, string? titleId) =>
        Sip2Message.Create(
            "29",
            "NN" + Sip2Date.Format(now) + Sip2Date.Blank,
            ("AO", institution),
            ("AA", patron),
            ("AB", itemId),
            ("AJ", titleId));

    /// <summary>15: hold mode <c>+</c> (place) or <c>-</c> (cancel), with pickup location for a new hold.</summary>
    public static Sip2Message Hold(
        DateTime now, char mode, string institution, string patron, string? itemId, string? titleId, string? pickupLocation) =>
        Sip2Message.Create(
            "15",
            mode + Sip2Date.Format(now),
            ("BS", pickupLocation),
            ("AO", institution),
            ("AA", patron),
            ("AB", itemId),
            ("AJ", titleId));

    /// <summary>97: ask the server to send its last message again (our checksum check failed).</summary>
    public static Sip2Message RequestAcsResend() => new("97", string.Empty, []);

    /// <summary>96: ask the client to send its last message again (used by the test emulator).</summary>
    public static Sip2Message RequestScResend() => new("96", string.Empty, []);
}
