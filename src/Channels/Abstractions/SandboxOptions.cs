using FluentValidation;

namespace LibraryBot.Channels.Abstractions;

/// <summary>
/// <c>Sandbox:Enabled</c> (default true): channel clients call fake channel APIs built into this server, which
/// answer like the real ones and record what was sent. Turn it off, with real credentials, to talk to Meta and Tencent.
/// <c>Sandbox:BaseUrl</c> optionally fixes the server's own address (otherwise the first address it listens on).
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    public bool Enabled { get; set; } = true;

    public string? BaseUrl { get; set; }
}

public sealed class SandboxOptionsValidator : AbstractValidator<SandboxOptions>
{
    public SandboxOptionsValidator()
    {
        RuleFor(o => o.BaseUrl)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .When(o => !string.IsNullOrEmpty(o.BaseUrl))
            .WithMessage("must be an absolute http(s) URL");
    }
}
