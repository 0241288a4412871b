using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>
/// Asks for a PIN (or password). The answer is the PIN the message carried — typed alone it arrives as the message,
/// inside a sentence ("my pin is 2718") it was taken out before storage and arrives as the turn's secret. A PIN with
/// digits is a clear answer; a word ("menu", "help") is only one unless it clearly asks for something else. Its id ends
/// in ".pin", which keeps the answer out of transcripts and out of storage.
/// </summary>
public sealed class PinPrompt(string id) : Prompt<string>(id)
{
    protected override PromptRecognition<string> Recognize(TurnContext context, PromptOptions options)
    {
        if (context.Interpretation.Entities.Pin is { Length: > 0 } pin)
        {
            return PromptRecognition<string>.Ok(pin);
        }

        var text = context.Activity.Text?.Trim();
        return string.IsNullOrEmpty(text) || text.Contains(Understanding.Utterance.SecretMarker, StringComparison.Ordinal)
            ? PromptRecognition<string>.NotRecognized
            : PromptRecognition<string>.Ok(text);
    }

    protected override AnswerFit FitOf(string value, TurnContext context) =>
        value.Any(char.IsDigit) && !value.Contains(' ', StringComparison.Ordinal) || context.Interpretation.Entities.Pin is not null ? AnswerFit.Strong : AnswerFit.Weak;
}
