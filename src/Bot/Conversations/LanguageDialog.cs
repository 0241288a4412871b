using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Conversations;

/// <summary>Lets the patron choose one of the four languages (each shown in its own words), then shows the menu.</summary>
public sealed class LanguageDialog : WaterfallDialog
{
    public new const string Id = "language";
    public const string PromptId = "language.choice";

    private static readonly Choice[] Languages =
    [
        new(BotLocales.English, "English"),
        new(BotLocales.Spanish, "Español"),
        new(BotLocales.Chinese, "中文"),
        new(BotLocales.Vietnamese, "Tiếng Việt"),
    ];

    public LanguageDialog(BotText text)
        : base(Id, [
            (step, ct) => step.PromptAsync(PromptId, new PromptOptions { Prompt = text.Get("Language.Prompt", step.Context.Locale), Choices = Languages }, ct),
            (step, ct) =>
            {
                step.Context.State.Locale = ((Choice)step.Result!).Id;
                step.Context.SendText(text.Get("Language.Changed", step.Context.Locale));
                return step.ReplaceDialogAsync(MenuDialog.Id, null, ct);
            },
        ])
    {
    }
}
