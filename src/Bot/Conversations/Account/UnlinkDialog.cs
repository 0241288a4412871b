using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>"Unlink": removes a linked card from this chat after confirmation (asks which when several are linked).</summary>
public sealed class UnlinkDialog : WaterfallDialog
{
    public new const string Id = "account.unlink";
    public const string WhichPromptId = "account.unlink.which";
    public const string ConfirmPromptId = "account.unlink.confirm";
    private const string PatronKey = "patron";

    public UnlinkDialog()
        : base(Id)
    {
        AddDialog(new ChoicePrompt(WhichPromptId));
        AddDialog(new ConfirmPrompt(ConfirmPromptId));
        AddSteps(
            (step, ct) =>
            {
                var context = step.Context;
                var cards = LinkedCards.All(context.State);
                if (cards.Count == 0)
                {
                    context.Say("Cards.None");
                    return step.EndDialogAsync(null, ct);
                }

                var choices = cards.Select(c => PromptChoice.Verbatim(c.PatronId, $"{c.FirstName} {c.MaskedCard}")).ToList();
                return choices.Count == 1
                    ? step.NextAsync(choices[0], ct)
                    : step.PromptAsync(WhichPromptId, new PromptOptions { Prompt = Say.Text("Cards.WhichUnlink"), Choices = choices }, ct);
            },
            (step, ct) =>
            {
                var card = LinkedCards.All(step.Context.State).First(c => c.PatronId == ((PromptChoice)step.Result!).Id);
                step.SetValue(PatronKey, card.PatronId);
                return step.PromptAsync(ConfirmPromptId, new PromptOptions { Prompt = Say.Text("Cards.ConfirmUnlink", card.FirstName, card.MaskedCard) }, ct);
            },
            (step, ct) =>
            {
                var context = step.Context;
                var card = LinkedCards.All(context.State).FirstOrDefault(c => c.PatronId == step.GetValue(PatronKey));
                if (step.Result is true && card is not null)
                {
                    LinkedCards.Unlink(context.State, card.PatronId);
                    context.Say("Cards.Unlinked", card.MaskedCard);
                }
                else
                {
                    context.Say("Cards.Kept");
                }

                return step.EndDialogAsync(null, ct);
            });
    }
}
