using System.Text.RegularExpressions;
using FluentValidation;
using LibraryBot.Channels.Abstractions;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.WhatsApp;

/// <summary>Validates <see cref="WhatsAppOptions"/>; credentials are required only when the sandbox is off.</summary>
public sealed partial class WhatsAppOptionsValidator : AbstractValidator<WhatsAppOptions>
{
    private const int MaxBodyParameters = 20;

    private static readonly string[] Languages = ["en", "es", "zh", "vi"];

    public WhatsAppOptionsValidator(IOptions<SandboxOptions> sandbox)
    {
        var credentialsRequired = !sandbox.Value.Enabled;
        const string required = "must be set when Sandbox:Enabled is false";
        RuleFor(o => o.AppSecret).NotEmpty().When(_ => credentialsRequired).WithMessage(required);
        RuleFor(o => o.VerifyToken).NotEmpty().When(_ => credentialsRequired).WithMessage(required);
        RuleFor(o => o.AccessToken).NotEmpty().When(_ => credentialsRequired).WithMessage(required);
        RuleFor(o => o.PhoneNumberId).NotEmpty().When(_ => credentialsRequired).WithMessage(required);
        RuleFor(o => o.PhoneNumberId).Matches("^[0-9]+$").When(o => !string.IsNullOrEmpty(o.PhoneNumberId))
            .WithMessage("must be the numeric phone number id from Meta's WhatsApp Manager, not the phone number");
        RuleFor(o => o.ApiBaseUrl)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .WithMessage("must be an absolute http(s) URL");
        RuleFor(o => o.ApiVersion).Matches(VersionPattern()).WithMessage("must look like v24.0");
        RuleFor(o => o.MessagesPerSecond).InclusiveBetween(1, 10_000);
        RuleFor(o => o.MaxBodyBytes).InclusiveBetween(1024, 64 * 1024 * 1024);
        RuleFor(o => o.Templates).Custom((templates, context) =>
        {
            foreach (var (kind, byLanguage) in templates)
            {
                foreach (var (language, template) in byLanguage)
                {
                    var key = $"Templates.{kind}.{language}";
                    if (!Languages.Contains(language))
                    {
                        context.AddFailure(key, $"language keys must be one of {string.Join(", ", Languages)}");
                    }

                    if (!TemplateNamePattern().IsMatch(template.Name))
                    {
                        context.AddFailure($"{key}.Name", "must be the approved template name (lower case letters, digits, underscores)");
                    }

                    if (!LanguageCodePattern().IsMatch(template.Language))
                    {
                        context.AddFailure($"{key}.Language", "must be the exact Meta language code the template was approved in, such as en_US, es, zh_CN or vi");
                    }

                    if (template.Parameters.Any(string.IsNullOrWhiteSpace))
                    {
                        context.AddFailure($"{key}.Parameters", "parameter names must not be empty");
                    }
                }
            }
        });
        RuleFor(o => o.MarketingTemplates).Custom(CheckMarketingTemplates);
    }

    private static void CheckMarketingTemplates(List<WhatsAppMarketingTemplate> templates, ValidationContext<WhatsAppOptions> context)
    {
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            var key = $"MarketingTemplates.{i}";
            if (template is null)
            {
                context.AddFailure(key, "must not be empty");
                continue;
            }

            if (!TemplateNamePattern().IsMatch(template.Name))
            {
                context.AddFailure($"{key}.Name", "must be the approved template name (lower case letters, digits, underscores)");
            }
            else if (templates.Take(i).Any(t => t?.Name == template.Name))
            {
                context.AddFailure($"{key}.Name", $"\"{template.Name}\" is listed twice");
            }

            if (template.Languages.Count == 0 || template.Languages.Any(l => !Languages.Contains(l)) || template.Languages.Distinct().Count() != template.Languages.Count)
            {
                context.AddFailure($"{key}.Languages", $"must list the languages the template was approved in, each once, from {string.Join(", ", Languages)}");
            }

            if (template.BodyParameters is < 0 or > MaxBodyParameters)
            {
                context.AddFailure($"{key}.BodyParameters", $"must be the number of body placeholders, 0 to {MaxBodyParameters}");
            }
        }
    }

    [GeneratedRegex("^v[0-9]+\\.[0-9]+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex TemplateNamePattern();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial Regex LanguageCodePattern();
}
