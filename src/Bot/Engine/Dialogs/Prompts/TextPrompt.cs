namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>
/// Asks for free text; any non-blank message is an answer (subject to the validator). Without a validator the answer
/// is weak: a message that clearly asks for something else leaves the question. A PIN typed on its own arrives as the
/// turn's secret (it was taken out of the stored message) and is the answer.
/// </summary>
public sealed class TextPrompt(string id, Func<string, TurnContext, Localization.Say?>? validator = null) : Prompt<string>(id, validator)
{
    protected override PromptRecognition<string> Recognize(TurnContext context, PromptOptions options)
    {
        var text = context.Activity.Text?.Trim();
        return string.IsNullOrEmpty(text) ? PromptRecognition<string>.NotRecognized : PromptRecognition<string>.Ok(text);
    }

    protected override AnswerFit FitOf(string value, TurnContext context) => AnswerFit.Weak;
}
