using System.Globalization;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>Asks for a number; accepts ASCII and full-width digits, a decimal point or comma.</summary>
public sealed class NumberPrompt(string id, Func<decimal, TurnContext, Localization.Say?>? validator = null) : Prompt<decimal>(id, validator)
{
    protected override PromptRecognition<decimal> Recognize(TurnContext context, PromptOptions options)
    {
        var text = TextNormalizer.NarrowDigits(context.Activity.Text ?? string.Empty).Trim().Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? PromptRecognition<decimal>.Ok(value)
            : PromptRecognition<decimal>.NotRecognized;
    }
}
