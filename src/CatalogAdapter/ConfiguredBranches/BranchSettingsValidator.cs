using FluentValidation;

namespace LibraryBot.CatalogAdapter.ConfiguredBranches;

/// <summary>The rules every configured branch follows, whichever adapter reads it.</summary>
public sealed class BranchSettingsValidator : AbstractValidator<BranchSettings>
{
    public BranchSettingsValidator()
    {
        RuleFor(b => b.Id).NotEmpty();
        RuleFor(b => b.TimeZone)
            .Must(tz => string.IsNullOrEmpty(tz) || TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
            .WithMessage("must be a time zone id such as Europe/Madrid");
        RuleFor(b => b.Latitude).InclusiveBetween(-90, 90);
        RuleFor(b => b.Longitude).InclusiveBetween(-180, 180);
        RuleForEach(b => b.Weekly).Must(h => h.Opens < h.Closes).WithMessage("opens must be before closes");
        RuleForEach(b => b.Exceptions)
            .Must(e => (e.Opens is null && e.Closes is null) || e.Opens < e.Closes)
            .WithMessage("opens must be before closes, or both empty for a closed day");
    }
}
