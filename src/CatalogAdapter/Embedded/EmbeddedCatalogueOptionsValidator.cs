using FluentValidation;

namespace LibraryBot.CatalogAdapter.Embedded;

public sealed class EmbeddedCatalogueOptionsValidator : AbstractValidator<EmbeddedCatalogueOptions>
{
    public EmbeddedCatalogueOptionsValidator()
    {
        RuleFor(o => o.Path).NotEmpty();
        RuleFor(o => o.TimeZone).NotEmpty().Must(BeAKnownTimeZone)
            .WithMessage(o => $"'{o.TimeZone}' is not a time zone known to this machine (use an IANA id such as America/Los_Angeles).");
        RuleFor(o => o.Currency).Matches("^[A-Z]{3}$").WithMessage("must be an ISO 4217 code such as USD.");
        RuleFor(o => o.LoanPeriodDays).InclusiveBetween(1, 365);
        RuleFor(o => o.MaxRenewals).InclusiveBetween(0, 50);
        RuleFor(o => o.FinesBlockLimit).GreaterThanOrEqualTo(0);
        RuleFor(o => o.HoldShelfDays).InclusiveBetween(1, 60);
        RuleFor(o => o.MaxHolds).InclusiveBetween(1, 500);
        RuleFor(o => o.LockoutAttempts).InclusiveBetween(1, 100);
        RuleFor(o => o.LockoutMinutes).InclusiveBetween(1, 24 * 60);
    }

    private static bool BeAKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
