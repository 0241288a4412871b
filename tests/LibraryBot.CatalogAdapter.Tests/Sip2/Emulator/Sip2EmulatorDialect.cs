using LibraryBot.CatalogAdapter.Sip2;

namespace LibraryBot.CatalogAdapter.Tests.Sip2.Emulator;

/// <summary>How the emulated SIP2 server behaves: the switches real servers differ on, and faults to inject.</summary>
public sealed record Sip2EmulatorDialect
{
    public string User { get; init; } = "librarybot";

    public string Password { get; init; } = "s3cret";

    public string Encoding { get; init; } = "UTF-8";

    public Sip2Terminator Terminator { get; init; } = Sip2Terminator.CR;

    /// <summary>With error detection off the server rejects (96) any message carrying AY/AZ, as FOLIO does.</summary>
    public bool ErrorDetection { get; init; } = true;

    /// <summary>Koha: a <c>|</c> inside a value is sent as <c>&amp;#124;</c>. Otherwise it becomes a space (FOLIO).</summary>
    public bool EscapePipes { get; init; }

    /// <summary>Evergreen: the 64 lists name titles instead of barcodes.</summary>
    public bool SummaryListsTitles { get; init; }

    /// <summary>Hold (15) is refused with a 16 carrying the server's reason.</summary>
    public bool RefuseHolds { get; init; }

    /// <summary>Whether the 98 status lists hold (15) as supported in BX. FOLIO marks it N.</summary>
    public bool AdvertiseHolds { get; init; } = true;

    /// <summary>Field id of a Koha-style custom item field giving the renewals left, or null.</summary>
    public string? RenewalsLeftField { get; init; } = "ZR";

    /// <summary>The next N responses go out with a wrong checksum (the client must ask again with 97).</summary>
    public int CorruptChecksums { get; init; }

    /// <summary>The next N requests are answered with 96 (the server asks the client to resend).</summary>
    public int AskResends { get; init; }

    /// <summary>When set, the server speaks TLS with this certificate (a TLS-wrapped SIP2 port, as with stunnel).</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? TlsCertificate { get; init; }

    /// <summary>Reads requests but never answers (for timeout tests).</summary>
    public bool Silent { get; init; }

    public static Sip2EmulatorDialect Koha => new() { Terminator = Sip2Terminator.CRLF, EscapePipes = true };

    public static Sip2EmulatorDialect Evergreen => new() { SummaryListsTitles = true };

    public static Sip2EmulatorDialect Folio => new() { ErrorDetection = false, RefuseHolds = true, AdvertiseHolds = false, Encoding = "ISO-8859-1", RenewalsLeftField = null };
}
