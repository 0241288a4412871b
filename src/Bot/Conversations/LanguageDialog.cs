using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Conversations;

/// <summary>Lets the patron choose one of the four languages (each shown in its own words), then shows the menu.</summary>
public sealed class LanguageDialog : WaterfallDialog
{
    public new const string Id = "language";
    public const string PromptId = "language.choice";

    private static readonly PromptChoice[] Languages =
    [
        PromptChoice.Verbatim(BotLocales.English, "English"),
        PromptChoice.Verbatim(BotLocales.Spanish, "Español"),
        PromptChoice.Verbatim(BotLocales.Chinese, "中文"),
        PromptChoice.Verbatim(BotLocales.Vietnamese, "Tiếng Việt"),
    ];

    public LanguageDialog()
        : base(Id)
    {
        AddDialog(new ChoicePrompt(PromptId));
        AddSteps(
            (step, ct) => step.PromptAsync(PromptId, new PromptOptions { Prompt = Say.Text("Language.Prompt"), Choices = Languages }, ct),
            (step, ct) =>
            {
                LanguageMiddleware.Choose(step.Context.State, ((PromptChoice)step.Result!).Id);
                step.Context.Say("Language.Changed");
                return step.ReplaceDialogAsync(MenuDialog.Id, null, ct);
            });
    }
}
