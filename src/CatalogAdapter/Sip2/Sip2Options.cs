namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>Settings under <c>Catalog:Sip2</c>: where the SIP2 server is and which dialect it speaks.</summary>
public sealed class Sip2Options
{
    public const string SectionName = "Catalog:Sip2";

    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 6001;

    /// <summary>The SIP2 login (93 <c>CN</c>) of the account the library created for the bot.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>The SIP2 password (93 <c>CO</c>); keep it in user-secrets or the environment.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Location code sent at login (93 <c>CP</c>). FOLIO wants its service-point id here.</summary>
    public string? Location { get; set; }

    /// <summary>Institution id (<c>AO</c>) sent in every request.</summary>
    public string InstitutionId { get; set; } = string.Empty;

    /// <summary>Character encoding of the wire, as a .NET encoding name (UTF-8, ISO-8859-1, windows-1252, IBM850…).</summary>
    public string Encoding { get; set; } = "UTF-8";

    public Sip2Terminator Terminator { get; set; } = Sip2Terminator.CR;

    /// <summary>Sequence numbers (<c>AY</c>) and checksums (<c>AZ</c>). Must match the server's setting.</summary>
    public bool ErrorDetection { get; set; } = true;

    public bool UseTls { get; set; }

    public int ConnectTimeoutMs { get; set; } = 5000;

    public int ReadTimeoutMs { get; set; } = 10000;

    /// <summary>Logged-in connections kept open to the server.</summary>
    public int PoolSize { get; set; } = 2;

    /// <summary>
    /// Optional two-letter field of the 18 answer that carries the renewals left for the copy's loan. SIP2 has no
    /// such field; Koha can add one with a SIP account custom item field. Without it, a loan at its renewal limit
    /// is only found out when the renewal is refused.
    /// </summary>
    public string? RenewalsLeftField { get; set; }

    /// <summary>Currency of fines when the server does not send <c>BH</c> (ISO 4217).</summary>
    public string Currency { get; set; } = "USD";
}
