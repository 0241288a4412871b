using FluentValidation;

namespace LibraryBot.CatalogAdapter.Sip2;

internal sealed class Sip2OptionsValidator : AbstractValidator<Sip2Options>
{
    public Sip2OptionsValidator()
    {
        RuleFor(o => o.Host).NotEmpty();
        RuleFor(o => o.Port).InclusiveBetween(1, 65535);
        RuleFor(o => o.User).NotEmpty();
        RuleFor(o => o.Password).NotEmpty();
        RuleFor(o => o.InstitutionId).NotNull();
        RuleFor(o => o.Encoding).Must(Sip2Encodings.IsKnown).WithMessage("must be a known encoding name such as UTF-8 or ISO-8859-1");
        RuleFor(o => o.Terminator).IsInEnum();
        RuleFor(o => o.ConnectTimeoutMs).InclusiveBetween(100, 120_000);
        RuleFor(o => o.ReadTimeoutMs).InclusiveBetween(100, 300_000);
        RuleFor(o => o.PoolSize).InclusiveBetween(1, 32);
        RuleFor(o => o.Currency).Length(3);
        RuleFor(o => o.RenewalsLeftField).Matches("^[A-Z]{2}$").When(o => o.RenewalsLeftField is not null)
            .WithMessage("must be a two-letter SIP2 field id such as ZR");
    }
}
