using System.Globalization;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>A 64 patron information response, with the lists the 63 asked for.</summary>
internal sealed record Sip2PatronInformation(
    string PatronStatus,
    int HoldCount,
    int OverdueCount,
    int ChargedCount,
    int UnavailableHoldCount,
    string PatronId,
    string PersonalName,
    bool? ValidPatron,
    bool? ValidPassword,
    decimal? FeeAmount,
    string? Currency,
    string? HomeLibrary,
    DateOnly? Expires,
    IReadOnlyList<string> HoldItems,
    IReadOnlyList<string> ChargedItems,
    IReadOnlyList<string> UnavailableHoldItems,
    string? ScreenMessage)
{
    // Patron status positions (0-based) in the SIP2 2.00 specification.
    private const int ChargePrivilegesDenied = 0;
    private const int RenewalPrivilegesDenied = 1;
    private const int CardReportedLost = 4;

    /// <summary>Card reported lost, or neither charging nor renewing allowed: the library has blocked the patron.</summary>
    public bool IsBlocked =>
        Flag(CardReportedLost) || (Flag(ChargePrivilegesDenied) && Flag(RenewalPrivilegesDenied));

    public static Sip2PatronInformation From(Sip2Message m) => new(
        m.FixedSlice(0, 14),
        Count(m, 0),
        Count(m, 1),
        Count(m, 2),
        Count(m, 5),
        m.Get("AA") ?? string.Empty,
        m.Get("AE") ?? string.Empty,
        YesNo(m.Get("BL")),
        YesNo(m.Get("CQ")),
        decimal.TryParse(m.Get("BV"), NumberStyles.Number, CultureInfo.InvariantCulture, out var fee) ? fee : null,
        Sip2AcsStatus.NullIfEmpty(m.Get("BH")),
        Sip2AcsStatus.NullIfEmpty(m.Get("AQ")),
        Sip2Date.ParseDate(m.Get("PA")),
        m.GetAll("AS"),
        m.GetAll("AU"),
        m.GetAll("CD"),
        JoinScreenMessages(m));

    private bool Flag(int position) => position < PatronStatus.Length && PatronStatus[position] == 'Y';

    /// <summary>Counts start after status(14), language(3) and date(18); each is four digits.</summary>
    private static int Count(Sip2Message m, int index) =>
        int.TryParse(m.FixedSlice(35 + (4 * index), 4).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static bool? YesNo(string? value) => value switch
    {
        "Y" => true,
        "N" => false,
        _ => null,
    };

    internal static string? JoinScreenMessages(Sip2Message m)
    {
        var lines = m.GetAll("AF").Select(Sip2AcsStatus.NullIfEmpty).OfType<string>().ToList();
        return lines.Count == 0 ? null : string.Join(" ", lines);
    }
}
