using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Conversations;

/// <summary>The main menu: every intent that has a menu title, as a choice; picking one starts it.</summary>
public sealed class MenuDialog : WaterfallDialog
{
    public new const string Id = "menu";
    public const string PromptId = "menu.choice";

    public MenuDialog(IntentCatalog intents)
        : base(Id)
    {
        AddDialog(new ChoicePrompt(PromptId));
        AddSteps(
            (step, ct) => step.PromptAsync(PromptId, new PromptOptions
            {
                Prompt = Say.Text("Menu.Prompt"),
                Optional = true,
                Choices = intents.MenuEntries.Select(i => PromptChoice.Of(i.Name, i.MenuTitleKey!)).ToArray(),
                ListButton = Say.Text("Menu.Button"),
            }, ct),
            (step, ct) => step.ReplaceDialogAsync(intents.Find(((PromptChoice)step.Result!).Id).DialogId, null, ct));
    }
}
