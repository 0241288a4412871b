using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Conversations;

/// <summary>The main menu: every intent that has a menu title, as a choice; picking one starts it.</summary>
public sealed class MenuDialog : WaterfallDialog
{
    public new const string Id = "menu";
    public const string PromptId = "menu.choice";

    public MenuDialog(IntentCatalog intents, BotText text)
        : base(Id, [
            (step, ct) =>
            {
                var locale = step.Context.Locale;
                var choices = intents.MenuEntries.Select(i => new Choice(i.Name, text.Get(i.MenuTitleKey!, locale))).ToArray();
                return step.PromptAsync(PromptId, new PromptOptions
                {
                    Prompt = text.Get("Menu.Prompt", locale),
                    Choices = choices,
                    ListButton = text.Get("Menu.Button", locale),
                }, ct);
            },
            (step, ct) => step.ReplaceDialogAsync(intents.Find(((Choice)step.Result!).Id).DialogId, null, ct),
        ])
    {
    }
}
