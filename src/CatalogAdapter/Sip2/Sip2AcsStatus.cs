namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>The 98 ACS status: whether the server is on line and which messages it supports (<c>BX</c>).</summary>
internal sealed record Sip2AcsStatus(bool Online, bool RenewalPolicy, string ProtocolVersion, string? SupportedMessages, string? ScreenMessage)
{
    /// <summary>Position of the hold message (15) in <c>BX</c>, 0-based.</summary>
    public const int HoldPosition = 13;

    public static Sip2AcsStatus From(Sip2Message m) => new(
        m.FixedAt(0) == 'Y',
        m.FixedAt(2) == 'Y',
        m.FixedSlice(30, 4),
        m.Get("BX"),
        NullIfEmpty(m.Get("AF")));

    /// <summary>False only when the server listed its supported messages and marked this one N.</summary>
    public bool Supports(int position) =>
        SupportedMessages is null || SupportedMessages.Length <= position || SupportedMessages[position] != 'N';

    internal static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
