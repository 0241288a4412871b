using FluentValidation;

namespace LibraryBot.CatalogAdapter.Koha;

public sealed class BranchHoursOptionsValidator : AbstractValidator<BranchHoursOptions>
{
    public BranchHoursOptionsValidator()
    {
        RuleForEach(o => o.Branches).ChildRules(branch =>
        {
            branch.RuleFor(b => b.Id).NotEmpty();
            branch.RuleFor(b => b.TimeZone)
                .Must(tz => tz is null || TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
                .WithMessage("must be a known time zone id such as Europe/Paris");
            branch.RuleForEach(b => b.Weekly)
                .Must(h => h.Opens < h.Closes)
                .WithMessage("Opens must be before Closes");
            branch.RuleForEach(b => b.Exceptions)
                .Must(e => (e.Opens is null) == (e.Closes is null) && (e.Opens is null || e.Opens < e.Closes))
                .WithMessage("give both Opens and Closes (Opens before Closes), or neither for a closed day");
        });
    }
}
