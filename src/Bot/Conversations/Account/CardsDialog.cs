using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>"My cards" / "switch card": the linked cards (masked), choose the one to use, link another, or unlink one.</summary>
public sealed class CardsDialog : WaterfallDialog
{
    public new const string Id = "account.cards";
    public const string PromptId = "account.cards.choice";
    public const string LinkId = "link";
    public const string UnlinkId = "unlink";
    private const string UsePrefix = "use:";

    public CardsDialog()
        : base(Id)
    {
        AddDialog(new ChoicePrompt(PromptId));
        AddSteps(
            (step, ct) =>
            {
                var context = step.Context;
                var cards = LinkedCards.All(context.State);
                if (cards.Count == 0)
                {
                    context.Say("Cards.None");
                    return step.ReplaceDialogAsync(LinkCardDialog.Id, new LinkRequest(false), ct);
                }

                var active = LinkedCards.Active(context.State)?.PatronId;
                var choices = cards
                    .Select(c => PromptChoice.Of(UsePrefix + c.PatronId, c.PatronId == active ? "Cards.UseActive" : "Cards.Use", c.FirstName, c.MaskedCard))
                    .Append(PromptChoice.Of(LinkId, "Cards.LinkAnother"))
                    .Append(PromptChoice.Of(UnlinkId, "Cards.Unlink"))
                    .ToList();
                return step.PromptAsync(PromptId, new PromptOptions { Prompt = Say.Text("Cards.Prompt"), Choices = choices }, ct);
            },
            (step, ct) =>
            {
                var context = step.Context;
                var id = ((PromptChoice)step.Result!).Id;
                if (id == LinkId)
                {
                    return step.ReplaceDialogAsync(LinkCardDialog.Id, new LinkRequest(false), ct);
                }

                if (id == UnlinkId)
                {
                    return step.ReplaceDialogAsync(UnlinkDialog.Id, null, ct);
                }

                LinkedCards.Use(context.State, id[UsePrefix.Length..]);
                var card = LinkedCards.Active(context.State)!;
                context.Say("Cards.Switched", card.FirstName, card.MaskedCard);
                return step.EndDialogAsync(null, ct);
            });
    }
}
