using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>Asks a yes/no question, shown with Yes and No choices; understands yes and no in all four languages.</summary>
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

        var words = context.Services.GetRequiredService<BotText>();
        var text = activity.Text ?? string.Empty;
        if (text.Trim() is "1" or "１")
        {
            return PromptRecognition<bool>.Ok(true);
        }

        if (text.Trim() is "2" or "２")
        {
            return PromptRecognition<bool>.Ok(false);
        }

        if (words.MatchesAnyLanguage("Words.Yes", text))
        {
            return PromptRecognition<bool>.Ok(true);
        }

        return words.MatchesAnyLanguage("Words.No", text) ? PromptRecognition<bool>.Ok(false) : PromptRecognition<bool>.NotRecognized;
    }

    protected override OutboundMessage Render(TurnContext context, PromptOptions options, string text)
    {
        var words = context.Services.GetRequiredService<BotText>();
        return new ChoiceQuestion(text, [new Choice(YesId, words.Get("Choice.Yes", context.Locale)), new Choice(NoId, words.Get("Choice.No", context.Locale))]);
    }
}
