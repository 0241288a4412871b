using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>"Unlink": removes a linked card from this chat after confirmation (asks which when several are linked).</summary>
public sealed class UnlinkDialog : WaterfallDialog
{
    public new const string Id = "account.unlink";
    public const string WhichPromptId = "account.unlink.which";
    public const string ConfirmPromptId = "account.unlink.confirm";
    private const string PatronKey = "patron";

    public UnlinkDialog(BotText text)
        : base(Id, [
            (step, ct) =>
            {
                var context = step.Context;
                var cards = LinkedCards.All(context.State);
                if (cards.Count == 0)
                {
                    context.SendText(text.Get("Cards.None", context.Locale));
                    return step.EndDialogAsync(null, ct);
                }

                var choices = cards.Select(c => new Choice(c.PatronId, $"{c.FirstName} {c.MaskedCard}")).ToList();
                return choices.Count == 1
                    ? step.NextAsync(choices[0], ct)
                    : step.PromptAsync(WhichPromptId, new PromptOptions { Prompt = text.Get("Cards.WhichUnlink", context.Locale), Choices = choices }, ct);
            },
            (step, ct) =>
            {
                var card = LinkedCards.All(step.Context.State).First(c => c.PatronId == ((Choice)step.Result!).Id);
                step.SetValue(PatronKey, card.PatronId);
                return step.PromptAsync(ConfirmPromptId, new PromptOptions
                {
                    Prompt = text.Get("Cards.ConfirmUnlink", step.Context.Locale, card.FirstName, card.MaskedCard),
                }, ct);
            },
            (step, ct) =>
            {
                var context = step.Context;
                var card = LinkedCards.All(context.State).FirstOrDefault(c => c.PatronId == step.GetValue(PatronKey));
                if (step.Result is true && card is not null)
                {
                    LinkedCards.Unlink(context.State, card.PatronId);
                    context.SendText(text.Get("Cards.Unlinked", context.Locale, card.MaskedCard));
                }
                else
                {
                    context.SendText(text.Get("Cards.Kept", context.Locale));
                }

                return step.EndDialogAsync(null, ct);
            },
        ])
    {
    }
}
