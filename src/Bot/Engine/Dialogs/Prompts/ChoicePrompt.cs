using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>
/// Asks the patron to pick one of several choices. Understands the channel's choice reply (button, list row), a number
/// ("2", "２"), or the choice's title typed out (case and accents ignored).
/// </summary>
public sealed class ChoicePrompt(string id, Func<Choice, TurnContext, string?>? validator = null) : Prompt<Choice>(id, validator)
{
    protected override PromptRecognition<Choice> Recognize(TurnContext context, PromptOptions options)
    {
        var choices = options.Choices ?? [];
        var match = ChoiceRecognizer.Recognize(context.Activity, choices);
        return match is null ? PromptRecognition<Choice>.NotRecognized : PromptRecognition<Choice>.Ok(match);
    }
}
