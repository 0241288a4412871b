using FluentValidation;

namespace LibraryBot.Bot.Handoff;

public sealed class HandoffOptionsValidator : AbstractValidator<HandoffOptions>
{
    public HandoffOptionsValidator()
    {
        RuleFor(o => o.StaffedHours).Custom((hours, context) =>
        {
            if (!StaffedHours.TryParse(hours, out _, out var error))
            {
                context.AddFailure("StaffedHours", error!);
            }
        });
        RuleFor(o => o.TranscriptRetentionDays).InclusiveBetween(1, 3650).WithMessage("must be between 1 and 3650");
        RuleFor(o => o.TranscriptMaskAfterDays).GreaterThan(0).WithMessage("must be more than 0")
            .LessThanOrEqualTo(o => o.TranscriptRetentionDays).WithMessage("must not exceed TranscriptRetentionDays");
        RuleFor(o => o.SweepIntervalMinutes).InclusiveBetween(1, 1440).WithMessage("must be between 1 and 1440");
        RuleFor(o => o.SignInHours).InclusiveBetween(1, 168).WithMessage("must be between 1 and 168");
        RuleFor(o => o.Admin.Username).Must(u => StaffAccountRules.UsernameProblem(u) is null).When(o => !string.IsNullOrEmpty(o.Admin.Username))
            .WithMessage(o => StaffAccountRules.UsernameProblem(o.Admin.Username)!);
        RuleFor(o => o.Admin.DisplayName).Must(d => StaffAccountRules.DisplayNameProblem(d) is null).When(o => !string.IsNullOrEmpty(o.Admin.DisplayName))
            .WithMessage(o => StaffAccountRules.DisplayNameProblem(o.Admin.DisplayName)!);
        RuleFor(o => o.Admin.Password).NotEmpty().When(o => !string.IsNullOrEmpty(o.Admin.Username))
            .WithMessage("must be set when Handoff:Admin:Username is set");
        RuleFor(o => o.Admin.Password).Must(p => StaffAccountRules.PasswordProblem(p) is null).When(o => !string.IsNullOrEmpty(o.Admin.Password))
            .WithMessage(o => StaffAccountRules.PasswordProblem(o.Admin.Password)!);
        RuleFor(o => o.SignInThrottle.MaxFailuresPerUsername).InclusiveBetween(1, 100).WithMessage("must be between 1 and 100");
        RuleFor(o => o.SignInThrottle.MaxFailuresPerAddress).InclusiveBetween(1, 10000).WithMessage("must be between 1 and 10000")
            .GreaterThanOrEqualTo(o => o.SignInThrottle.MaxFailuresPerUsername).WithMessage("must be at least Handoff:SignInThrottle:MaxFailuresPerUsername");
        RuleFor(o => o.SignInThrottle.WindowMinutes).InclusiveBetween(1, 1440).WithMessage("must be between 1 and 1440");
    }
}
