using FluentValidation;

namespace LibraryBot.Bot.Hosting;

/// <summary>
/// <c>Hosting:ForwardedHeaders:*</c>: the reverse proxies whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> /
/// <c>X-Forwarded-Host</c> the server believes. Empty (the default): none — the headers are ignored, so nobody can
/// pretend to be another client (sign-in throttling counts per client address).
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "Hosting:ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. "127.0.0.1" or "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. "10.0.0.0/8".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public sealed class ForwardedHeadersSettingsValidator : AbstractValidator<ForwardedHeadersSettings>
{
    public ForwardedHeadersSettingsValidator()
    {
        RuleForEach(o => o.KnownProxies).Must(p => System.Net.IPAddress.TryParse(p, out _)).WithMessage("must be IP addresses");
        RuleForEach(o => o.KnownNetworks).Must(n => System.Net.IPNetwork.TryParse(n, out _)).WithMessage("must be networks in CIDR notation, e.g. 10.0.0.0/8");
    }
}
