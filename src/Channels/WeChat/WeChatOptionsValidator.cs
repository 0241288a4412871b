using FluentValidation;

namespace LibraryBot.Channels.WeChat;

public sealed class WeChatOptionsValidator : AbstractValidator<WeChatOptions>
{
    private const string CredentialHint = "is required (or leave every WeChat credential empty with Sandbox:Enabled=true to use the sandbox)";

    public WeChatOptionsValidator()
    {
        RuleFor(o => o.Token).NotEmpty().WithMessage(CredentialHint)
            .Matches("^[A-Za-z0-9]{3,32}$").WithMessage("must be 3 to 32 letters or digits");
        RuleFor(o => o.AppId).NotEmpty().WithMessage(CredentialHint);
        RuleFor(o => o.AppSecret).NotEmpty().WithMessage(CredentialHint);
        RuleFor(o => o.EncodingAESKey).NotEmpty().WithMessage(CredentialHint)
            .Matches("^[A-Za-z0-9]{43}$").WithMessage("must be exactly 43 letters or digits");
        RuleFor(o => o.PreviousEncodingAESKey).Matches("^[A-Za-z0-9]{43}$").WithMessage("must be exactly 43 letters or digits")
            .When(o => !string.IsNullOrEmpty(o.PreviousEncodingAESKey));
        RuleFor(o => o.ApiBaseUrl).Must(WeChatMenuButtonValidator.IsHttpUrl).WithMessage("must be an absolute http(s) URL");
        RuleFor(o => o.PassiveReplyBudgetMs).InclusiveBetween(0, 4500)
            .WithMessage("must be between 0 and 4500 ms (WeChat stops waiting after 5 s)");
        RuleFor(o => o.MaxBodyBytes).InclusiveBetween(1024, 1024 * 1024).WithMessage("must be between 1024 and 1048576 bytes");
        RuleFor(o => o.Menu.Count).LessThanOrEqualTo(3).OverridePropertyName("Menu")
            .WithMessage("must have at most 3 top-level buttons (empty leaves the account's menu alone)");
        RuleForEach(o => o.Menu).OverrideIndexer(WeChatMenuButtonValidator.ConfigIndex).SetValidator(new WeChatMenuButtonValidator(topLevel: true));
        RuleFor(o => o.Menu).Must(HaveUniqueKeys).WithMessage("click keys must be unique");
        RuleFor(o => o.Templates).Custom(ValidateTemplates);
    }

    /// <summary>Failures named by the configuration key (Templates:HoldReady:TemplateId), not by dictionary position.</summary>
    private static void ValidateTemplates(Dictionary<Outbound.NotificationKind, WeChatTemplate> templates, ValidationContext<WeChatOptions> context)
    {
        foreach (var (kind, template) in templates)
        {
            if (string.IsNullOrWhiteSpace(template.TemplateId))
            {
                context.AddFailure($"Templates.{kind}.TemplateId", "must not be empty");
            }

            if (template.Fields.Count == 0)
            {
                context.AddFailure($"Templates.{kind}.Fields", "must list the template's data keys in order, each with its notification parameter");
            }

            for (var i = 0; i < template.Fields.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(template.Fields[i].DataKey) || string.IsNullOrWhiteSpace(template.Fields[i].Parameter))
                {
                    context.AddFailure($"Templates.{kind}.Fields.{i}", "needs both DataKey and Parameter");
                }
            }
        }
    }

    private static bool HaveUniqueKeys(List<WeChatMenuButton> menu)
    {
        var keys = menu.SelectMany(b => b.SubButtons.Prepend(b)).Where(b => !string.IsNullOrEmpty(b.Key)).Select(b => b.Key).ToList();
        return keys.Count == keys.Distinct(StringComparer.Ordinal).Count();
    }
}
