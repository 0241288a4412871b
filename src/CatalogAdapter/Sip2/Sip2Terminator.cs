namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>How our requests end. Responses are accepted with either.</summary>
public enum Sip2Terminator
{
    /// <summary>A carriage return alone (the SIP2 standard).</summary>
    CR,
    /// <summary>Carriage return and line feed (Koha's default).</summary>
    CRLF,
}
