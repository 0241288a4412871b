using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>
/// Asks for a library card number: 5 to 20 digits, spaces and hyphens ignored, also inside a sentence ("it's
/// 29000100000011", "29000100000011 pin 1234" — the PIN then answers the next question in the same turn). Its id ends in
/// ".card", so transcripts keep the answer with its digits masked.
/// </summary>
public sealed class CardPrompt(string id) : Prompt<string>(id, (answer, _) => CardNumber.IsValid(answer) ? null : Say.Text("Link.BadCard"))
{
    protected override PromptRecognition<string> Recognize(TurnContext context, PromptOptions options)
    {
        // Something with digits is an attempt at a card number (refused with the rule if malformed); words are not.
        var text = context.Interpretation.Entities.CardNumber ?? context.Activity.Text?.Trim();
        return string.IsNullOrEmpty(text) || !text.Any(char.IsDigit) ? PromptRecognition<string>.NotRecognized : PromptRecognition<string>.Ok(text);
    }
}
