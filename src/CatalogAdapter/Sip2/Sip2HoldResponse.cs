using System.Globalization;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>A 16 hold response.</summary>
internal sealed record Sip2HoldResponse(bool Ok, bool Available, int? QueuePosition, string? PickupLocation, string? ItemId, string? ScreenMessage)
{
    public static Sip2HoldResponse From(Sip2Message m) => new(
        m.FixedAt(0) == '1',
        m.FixedAt(1) == 'Y',
        int.TryParse(m.Get("BR")?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : null,
        Sip2AcsStatus.NullIfEmpty(m.Get("BS")),
        Sip2AcsStatus.NullIfEmpty(m.Get("AB")),
        Sip2PatronInformation.JoinScreenMessages(m));
}
