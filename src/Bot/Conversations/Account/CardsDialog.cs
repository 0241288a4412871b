using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>"My cards" / "switch card": the linked cards (masked), choose the one to use, link another, or unlink one.</summary>
public sealed class CardsDialog : WaterfallDialog
{
    public new const string Id = "account.cards";
    public const string PromptId = "account.cards.choice";
    public const string LinkId = "link";
    public const string UnlinkId = "unlink";
    private const string UsePrefix = "use:";

    public CardsDialog(BotText text)
        : base(Id, [
            (step, ct) =>
            {
                var context = step.Context;
                var cards = LinkedCards.All(context.State);
                if (cards.Count == 0)
                {
                    context.SendText(text.Get("Cards.None", context.Locale));
                    return step.ReplaceDialogAsync(LinkCardDialog.Id, new LinkRequest(false), ct);
                }

                var active = LinkedCards.Active(context.State)?.PatronId;
                var choices = cards
                    .Select(c => new Choice(UsePrefix + c.PatronId, text.Get("Cards.Use", context.Locale, c.FirstName, c.MaskedCard) + (c.PatronId == active ? " ✓" : string.Empty)))
                    .Append(new Choice(LinkId, text.Get("Cards.LinkAnother", context.Locale)))
                    .Append(new Choice(UnlinkId, text.Get("Cards.Unlink", context.Locale)))
                    .ToList();
                return step.PromptAsync(PromptId, new PromptOptions { Prompt = text.Get("Cards.Prompt", context.Locale), Choices = choices }, ct);
            },
            (step, ct) =>
            {
                var context = step.Context;
                var id = ((Choice)step.Result!).Id;
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
                context.SendText(text.Get("Cards.Switched", context.Locale, card.FirstName, card.MaskedCard));
                return step.EndDialogAsync(null, ct);
            },
        ])
    {
    }
}
