using LibraryBot.Bot.Understanding;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question, shown with Yes and No choices. Understands the buttons, "1"/"2", and yes or no as the
/// understanding layer reads them in all four languages ("sí, claro", "好的", "vâng ạ", "no thanks"), plus any intent
/// the question lists as meaning yes.
/// </summary>
public sealed class ConfirmPrompt(string id) : Prompt<bool>(id)
{
    public const string YesId = "yes";
    public const string NoId = "no";

    protected override PromptRecognition<bool> Recognize(TurnContext context, PromptOptions options)
    {
        var activity = context.Activity;
        if (activity.ChoiceId is YesId or NoId)
        {
            return PromptRecognition<bool>.Ok(activity.ChoiceId == YesId);
        }

        var text = (activity.Text ?? string.Empty).Trim();
        var intent = context.Interpretation.Intent;
        return text is "1" or "１" or "👍" or "👌" or "✅" or "🙆" || intent == IntentNames.Affirm || (options.YesIntents?.Contains(intent) ?? false) ? PromptRecognition<bool>.Ok(true)
            : text is "2" or "２" || intent == IntentNames.Deny ? PromptRecognition<bool>.Ok(false)
            : PromptRecognition<bool>.NotRecognized;
    }

    protected override OutboundMessage Render(TurnContext context, PromptOptions options, string text) =>
        new ChoiceQuestion(text, [new Choice(YesId, context.Text.Get("Choice.Yes", context.Locale)), new Choice(NoId, context.Text.Get("Choice.No", context.Locale))]);
}
