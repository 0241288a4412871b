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
    }
}
