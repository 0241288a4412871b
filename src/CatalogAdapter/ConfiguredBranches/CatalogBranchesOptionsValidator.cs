using FluentValidation;

namespace LibraryBot.CatalogAdapter.ConfiguredBranches;

/// <summary>
/// <c>Catalog:Branches</c> for an adapter that takes its branches from configuration: at least one, unique ids,
/// names, and the rules of <see cref="BranchSettingsValidator"/>.
/// </summary>
internal sealed class CatalogBranchesOptionsValidator : AbstractValidator<CatalogBranchesOptions>
{
    public CatalogBranchesOptionsValidator()
    {
        RuleFor(o => o.Branches).NotEmpty().WithMessage("must list the library's branches (SIP2 cannot list them)");
        RuleFor(o => o.Branches)
            .Must(b => b.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() == b.Count)
            .WithMessage("branch ids must be unique");
        RuleForEach(o => o.Branches).SetValidator(new BranchSettingsValidator());
        RuleForEach(o => o.Branches).ChildRules(branch => branch.RuleFor(b => b.Name).NotEmpty());
    }
}
