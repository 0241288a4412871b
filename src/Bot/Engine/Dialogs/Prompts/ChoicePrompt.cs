using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>
/// Asks the patron to pick one of several choices. Understands the channel's choice reply (button, list row), a number
/// ("2", "２"), or the choice's title typed out (case and accents ignored).
/// </summary>
public sealed class ChoicePrompt(string id, Func<PromptChoice, TurnContext, Localization.Say?>? validator = null) : Prompt<PromptChoice>(id, validator)
{
    protected override PromptRecognition<PromptChoice> Recognize(TurnContext context, PromptOptions options)
    {
        var choices = options.Choices ?? [];
        var rendered = choices.Select(c => c.Render(context.Text, context.Locale)).ToList();
        var match = ChoiceRecognizer.Recognize(context.Activity, rendered);
        return match is null ? PromptRecognition<PromptChoice>.NotRecognized : PromptRecognition<PromptChoice>.Ok(choices[rendered.IndexOf(match)]);
    }
}
