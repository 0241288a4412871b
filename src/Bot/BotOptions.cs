using FluentValidation;

namespace LibraryBot.Bot;

/// <summary><c>Bot:*</c>: how the bot presents itself.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The library's name as patrons know it; consent questions name it (Meta and data-protection law require that).</summary>
    public string LibraryName { get; set; } = "Alder Bay Public Library";

    /// <summary>The privacy notice linked on first contact; empty = this server's own /privacy page.</summary>
    public string? PrivacyUrl { get; set; }

    /// <summary>Messages a patron may send per minute before the bot asks them to slow down.</summary>
    public int MessagesPerMinutePerPatron { get; set; } = 30;
}

public sealed class BotOptionsValidator : AbstractValidator<BotOptions>
{
    public BotOptionsValidator()
    {
        RuleFor(o => o.PrivacyUrl).Must(u => Uri.TryCreate(u, UriKind.Absolute, out _))
            .When(o => !string.IsNullOrEmpty(o.PrivacyUrl)).WithMessage("must be an absolute URL");
        RuleFor(o => o.LibraryName).NotEmpty().MaximumLength(100).WithMessage("must name the library (at most 100 characters)");
        RuleFor(o => o.MessagesPerMinutePerPatron).InclusiveBetween(1, 10_000).WithMessage("must be between 1 and 10000");
    }
}
