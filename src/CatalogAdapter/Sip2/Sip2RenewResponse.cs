namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>A 30 renew response. <see cref="Ok"/> is the renewal itself; <c>AF</c> says why not.</summary>
internal sealed record Sip2RenewResponse(bool Ok, string ItemId, string Title, DateOnly? DueDate, string? ScreenMessage)
{
    public static Sip2RenewResponse From(Sip2Message m) => new(
        m.FixedAt(0) == '1',
        m.Get("AB") ?? string.Empty,
        (m.Get("AJ") ?? string.Empty).Trim(),
        Sip2Date.ParseDate(m.Get("AH")),
        Sip2PatronInformation.JoinScreenMessages(m));
}
