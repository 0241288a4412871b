using System.Text.RegularExpressions;
using FluentValidation;
using LibraryBot.Channels.Abstractions;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.Sms;

/// <summary>
/// Validates <see cref="SmsOptions"/>. Twilio credentials are required when the provider is Twilio and the fake API is
/// not used (sandbox off, or an AccountSid configured); formats are checked whenever a value is given.
/// </summary>
public sealed partial class SmsOptionsValidator : AbstractValidator<SmsOptions>
{
    public SmsOptionsValidator(IOptions<SandboxOptions> sandbox)
    {
        var sandboxOn = sandbox.Value.Enabled;
        RuleFor(o => o.Provider)
            .Must(p => Enum.TryParse<SmsProvider>(p, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(p, out _))
            .WithMessage("must be None or Twilio");
        When(o => o.ProviderKind == SmsProvider.Twilio && (!sandboxOn || !string.IsNullOrEmpty(o.AccountSid)), () =>
        {
            const string required = "must be set when Provider is Twilio (outside the sandbox, or once an AccountSid is given)";
            RuleFor(o => o.AccountSid).NotEmpty().WithMessage(required);
            RuleFor(o => o.AuthToken).NotEmpty().WithMessage(required);
            RuleFor(o => o.From).NotEmpty().When(o => string.IsNullOrEmpty(o.MessagingServiceSid))
                .WithMessage("must be set (the library's number in E.164, like +15551234567) unless MessagingServiceSid is");
        });
        RuleFor(o => o.AccountSid).Matches(AccountSidPattern()).When(o => !string.IsNullOrEmpty(o.AccountSid))
            .WithMessage("must be the Account SID from the Twilio console: AC followed by 32 hex digits");
        RuleFor(o => o.MessagingServiceSid).Matches(ServiceSidPattern()).When(o => !string.IsNullOrEmpty(o.MessagingServiceSid))
            .WithMessage("must be a Messaging Service SID: MG followed by 32 hex digits");
        RuleFor(o => o.From).Must(SmsNumbers.IsE164).When(o => !string.IsNullOrEmpty(o.From))
            .WithMessage("must be a phone number in E.164, like +15551234567");
        RuleFor(o => o.ApiBaseUrl).Must(IsHttpUrl).WithMessage("must be an absolute http(s) URL");
        RuleFor(o => o.WebhookBaseUrl)
            .Must(u => IsHttpUrl(u) && new Uri(u!).Query.Length == 0 && new Uri(u!).Fragment.Length == 0)
            .When(o => !string.IsNullOrEmpty(o.WebhookBaseUrl))
            .WithMessage("must be the absolute http(s) address Twilio reaches this server at, without query, e.g. https://bot.library.org");
        RuleFor(o => o.DefaultRegion).Must(SmsNumbers.IsKnownRegion)
            .WithMessage("must be a two-letter region code, like US, ES, CN or VN");
        RuleFor(o => o.MaxBodyBytes).InclusiveBetween(1024, 1024 * 1024).WithMessage("must be between 1024 and 1048576 bytes");
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex ServiceSidPattern();
}
