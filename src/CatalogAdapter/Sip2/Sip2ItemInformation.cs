using System.Globalization;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>An 18 item information response.</summary>
internal sealed record Sip2ItemInformation(
    string CirculationStatus,
    int? HoldQueueLength,
    DateOnly? DueDate,
    DateOnly? HoldPickupDate,
    string ItemId,
    string Title,
    string? PermanentLocation,
    string? CurrentLocation,
    string? ScreenMessage,
    Sip2Message Message)
{
    public const string Other = "01";
    public const string Available = "03";
    public const string Charged = "04";

    /// <summary>The server knows the item: it gave a title or a status other than "other" (Koha and Evergreen answer 01 with no title otherwise).</summary>
    public bool IsKnown => Title.Length > 0 || CirculationStatus != Other;

    public static Sip2ItemInformation From(Sip2Message m) => new(
        m.FixedSlice(0, 2),
        int.TryParse(m.Get("CF")?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var queue) ? queue : null,
        Sip2Date.ParseDate(m.Get("AH")),
        Sip2Date.ParseDate(m.Get("CM")),
        m.Get("AB") ?? string.Empty,
        (m.Get("AJ") ?? string.Empty).Trim(),
        Sip2AcsStatus.NullIfEmpty(m.Get("AQ")),
        Sip2AcsStatus.NullIfEmpty(m.Get("AP")),
        Sip2PatronInformation.JoinScreenMessages(m),
        m);

    /// <summary>A field outside the standard, such as a Koha custom item field.</summary>
    public string? Extra(string fieldId) => Message.Get(fieldId);
}
