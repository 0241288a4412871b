using FluentValidation;

namespace LibraryBot.CatalogAdapter;

public sealed class CatalogueOptionsValidator : AbstractValidator<CatalogueOptions>
{
    public CatalogueOptionsValidator()
    {
        RuleFor(o => o.Provider)
            .Must(p => CatalogueProviders.Providers.Contains(p, StringComparer.OrdinalIgnoreCase))
            .WithMessage($"must be one of {string.Join(", ", CatalogueProviders.Providers)}.");
        RuleFor(o => o.Search)
            .Must(s => CatalogueProviders.Searches.Contains(s, StringComparer.OrdinalIgnoreCase))
            .WithMessage($"must be one of {string.Join(", ", CatalogueProviders.Searches)}.");

        // SIP2 has no catalogue search of its own (Koha's adapter brings SRU itself).
        RuleFor(o => o.Search)
            .Must((o, search) => string.Equals(search, CatalogueProviders.Sru, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(o.Provider, CatalogueProviders.Sip2, StringComparison.OrdinalIgnoreCase))
            .WithMessage($"must be {CatalogueProviders.Sru} when Catalog:Provider is {CatalogueProviders.Sip2} (SIP2 cannot search; set Catalog:Sru:* too).");
    }
}
