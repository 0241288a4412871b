using FluentValidation;

namespace LibraryBot.CatalogAdapter.Sip2;

internal sealed class CatalogBranchesOptionsValidator : AbstractValidator<CatalogBranchesOptions>
{
    public CatalogBranchesOptionsValidator()
    {
        RuleFor(o => o.Branches).NotEmpty().WithMessage("must list the library's branches (SIP2 cannot list them)");
        RuleFor(o => o.Branches)
            .Must(b => b.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() == b.Count)
            .WithMessage("branch ids must be unique");
        RuleForEach(o => o.Branches).ChildRules(branch =>
        {
            branch.RuleFor(b => b.Id).NotEmpty();
            branch.RuleFor(b => b.Name).NotEmpty();
            branch.RuleFor(b => b.TimeZone).Must(IsTimeZone).WithMessage("must be a time zone id such as Europe/Madrid");
            branch.RuleFor(b => b.Latitude).InclusiveBetween(-90, 90);
            branch.RuleFor(b => b.Longitude).InclusiveBetween(-180, 180);
            branch.RuleForEach(b => b.Weekly).Must(h => h.Opens < h.Closes).WithMessage("opens must be before closes");
            branch.RuleForEach(b => b.Exceptions)
                .Must(e => (e.Opens is null && e.Closes is null) || (e.Opens < e.Closes))
                .WithMessage("opens must be before closes, or both empty for a closed day");
        });
    }

    private static bool IsTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
