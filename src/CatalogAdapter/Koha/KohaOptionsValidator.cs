using FluentValidation;

namespace LibraryBot.CatalogAdapter.Koha;

public sealed class KohaOptionsValidator : AbstractValidator<KohaOptions>
{
    public KohaOptionsValidator()
    {
        RuleFor(o => o.BaseUrl)
            .NotEmpty()
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("must be an absolute http(s) URL such as https://koha.example.org/api/v1");
        RuleFor(o => o.AuthMode).IsInEnum();
        When(o => o.AuthMode == KohaAuthMode.Basic, () =>
        {
            RuleFor(o => o.Username).NotEmpty().WithMessage("must not be empty when AuthMode is Basic");
            RuleFor(o => o.Password).NotEmpty().WithMessage("must not be empty when AuthMode is Basic");
        });
        When(o => o.AuthMode == KohaAuthMode.OAuth2, () =>
        {
            RuleFor(o => o.ClientId).NotEmpty().WithMessage("must not be empty when AuthMode is OAuth2");
            RuleFor(o => o.ClientSecret).NotEmpty().WithMessage("must not be empty when AuthMode is OAuth2");
        });
        RuleFor(o => o.TimeoutMs).InclusiveBetween(500, 120_000);
        RuleFor(o => o.PageSize).InclusiveBetween(1, 1000);
        RuleFor(o => o.Currency).Matches("^[A-Z]{3}$").WithMessage("must be an ISO 4217 code such as USD");
        RuleFor(o => o.TimeZone)
            .Must(tz => TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
            .WithMessage("must be a known time zone id such as Europe/Paris");
    }
}
