namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>Asks for free text; any non-blank message is an answer (subject to the validator).</summary>
public sealed class TextPrompt(string id, Func<string, TurnContext, string?>? validator = null) : Prompt<string>(id, validator)
{
    protected override PromptRecognition<string> Recognize(TurnContext context, PromptOptions options)
    {
        var text = context.Activity.Text?.Trim();
        return string.IsNullOrEmpty(text) ? PromptRecognition<string>.NotRecognized : PromptRecognition<string>.Ok(text);
    }
}
