using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Conversations.News;

/// <summary>
/// The news lists' question: a topic (button, list row, number or name typed out), or a stop word. The lists say "write
/// STOP at any time to stop all news", so there STOP, BAJA, 退订, HỦY stop news (<see cref="StopId"/>) rather than only
/// dropping the question, as they do at other questions.
/// </summary>
public sealed class NewsChoicePrompt(string id) : Prompt<PromptChoice>(id)
{
    public const string StopId = "news.stop";

    protected override PromptRecognition<PromptChoice> Recognize(TurnContext context, PromptOptions options)
    {
        if (context.Interpretation.Intent == IntentNames.NewsStop && context.Interpretation.IsExplicit)
        {
            return PromptRecognition<PromptChoice>.Ok(PromptChoice.Verbatim(StopId, StopId));
        }

        var choices = options.Choices ?? [];
        var rendered = choices.Select(c => c.Render(context.Text, context.Locale)).ToList();
        var match = ChoiceRecognizer.Recognize(context.Activity, rendered);
        return match is null ? PromptRecognition<PromptChoice>.NotRecognized : PromptRecognition<PromptChoice>.Ok(choices[rendered.IndexOf(match)]);
    }
}
