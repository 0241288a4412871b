namespace LibraryBot.Bot.Telemetry;

/// <summary><c>Telemetry:Prometheus:*</c>: the scrape endpoint <c>/metrics</c> (off by default).</summary>
public sealed class PrometheusSettings
{
    public bool Enabled { get; set; }

    /// <summary>
    /// A port of its own for <c>/metrics</c> (served by a separate listener on <see cref="Host"/>); unset: the server's
    /// own port, where the reverse proxy should keep <c>/metrics</c> from the public.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>The host name the separate listener binds to: <c>localhost</c> (default), or <c>*</c> for every interface.</summary>
    public string Host { get; set; } = "localhost";
}
