using FluentValidation;

namespace LibraryBot.CatalogAdapter.ConfiguredBranches;

/// <summary>
/// <c>Catalog:Branches</c> as opening hours only (the library system lists the branches themselves): any number of
/// entries, each following <see cref="BranchSettingsValidator"/>.
/// </summary>
internal sealed class BranchHoursOptionsValidator : AbstractValidator<CatalogBranchesOptions>
{
    public BranchHoursOptionsValidator() => RuleForEach(o => o.Branches).SetValidator(new BranchSettingsValidator());
}
