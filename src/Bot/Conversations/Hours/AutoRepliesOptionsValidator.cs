using FluentValidation;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>Every rule has a unique name, at least one keyword, known languages only, and an answer in all four languages.</summary>
public sealed class AutoRepliesOptionsValidator : AbstractValidator<AutoRepliesOptions>
{
    public AutoRepliesOptionsValidator()
    {
        RuleFor(o => o.Rules).Must(r => r.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() == r.Count)
            .WithMessage("rule names must be unique");
        RuleForEach(o => o.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Name).NotEmpty().WithMessage("must not be empty");
            rule.RuleFor(r => r.Keywords).Must(k => k.Values.Any(words => words.Count > 0)).WithMessage("needs at least one keyword");
            rule.RuleFor(r => r.Keywords).Must(k => k.Keys.All(BotLocales.All.Contains))
                .WithMessage($"languages must be among {string.Join(", ", BotLocales.All)}");
            rule.RuleFor(r => r.Keywords).Must(k => k.Values.All(words => words.All(w => !string.IsNullOrWhiteSpace(w))))
                .WithMessage("keywords must not be blank");
            rule.RuleFor(r => r.Answer).Must(a => BotLocales.All.All(l => a.TryGetValue(l, out var answer) && !string.IsNullOrWhiteSpace(answer)))
                .WithMessage($"needs an answer in each of {string.Join(", ", BotLocales.All)}");
        });
    }
}
