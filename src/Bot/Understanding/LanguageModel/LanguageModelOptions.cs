using FluentValidation;

namespace LibraryBot.Bot.Understanding.LanguageModel;

/// <summary>
/// <c>Understanding:LanguageModel:*</c>: an optional language model asked only when the local recogniser is unsure. Off
/// by default. Any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, a local server).
/// </summary>
public sealed class LanguageModelOptions
{
    public const string SectionName = "Understanding:LanguageModel";

    public bool Enabled { get; set; }

    /// <summary>The API's base address, e.g. https://api.openai.com/v1 or http://127.0.0.1:8080/v1.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>The API key (set by environment: <c>Understanding__LanguageModel__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long a patron's turn may wait for the model before the local answer stands.</summary>
    public int TimeoutMs { get; set; } = 1500;
}

public sealed class LanguageModelOptionsValidator : AbstractValidator<LanguageModelOptions>
{
    public LanguageModelOptionsValidator()
    {
        When(o => o.Enabled, () =>
        {
            RuleFor(o => o.Endpoint).Must(e => Uri.TryCreate(e, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                .WithMessage("must be an absolute http(s) URL when Enabled is true");
            RuleFor(o => o.Model).NotEmpty().WithMessage("must be set when Enabled is true");
        });
        RuleFor(o => o.TimeoutMs).InclusiveBetween(100, 10_000).WithMessage("must be between 100 and 10000");
    }
}
