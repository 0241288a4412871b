namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>Length of the fixed-field part of each message code, from the SIP2 2.00 specification.</summary>
internal static class Sip2FixedLengths
{
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["93"] = 2,   // uid algorithm, pwd algorithm
        ["94"] = 1,   // ok
        ["99"] = 8,   // status code, max print width(3), protocol version(4)
        ["98"] = 34,  // six flags, timeout(3), retries(3), date(18), version(4)
        ["23"] = 21,  // language(3), date(18)
        ["24"] = 35,  // patron status(14), language(3), date(18)
        ["63"] = 31,  // language(3), date(18), summary(10)
        ["64"] = 59,  // patron status(14), language(3), date(18), six counts of 4
        ["17"] = 18,  // date
        ["18"] = 24,  // circulation status(2), security marker(2), fee type(2), date(18)
        ["29"] = 38,  // third party(1), no block(1), date(18), nb due date(18)
        ["30"] = 22,  // ok, renewal ok, magnetic media, desensitize, date(18)
        ["65"] = 18,  // date
        ["66"] = 27,  // ok, renewed count(4), unrenewed count(4), date(18)
        ["15"] = 19,  // mode, date(18)
        ["16"] = 20,  // ok, available, date(18)
        ["35"] = 18,  // date
        ["36"] = 19,  // end session, date(18)
        ["96"] = 0,
        ["97"] = 0,
    };

    public static bool TryGet(string code, out int length) => Lengths.TryGetValue(code, out length);
}
