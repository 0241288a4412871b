using System.Text;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Holds;

/// <summary>"My holds": status, pickup branch, ready-until date and queue position; cancel one after confirmation.</summary>
public sealed class HoldsDialog : AccountDialog
{
    public new const string Id = "holds.list";
    public const string CancelPromptId = "holds.list.cancel";
    public const string ConfirmPromptId = "holds.list.confirm";
    public const string KeepId = "keep";
    private const string HoldKey = "hold";
    private const string TitleKey = "title";

    public HoldsDialog(ICatalogue catalogue)
        : base(Id, catalogue)
    {
        AddDialog(new ChoicePrompt(CancelPromptId));
        AddDialog(new ConfirmPrompt(ConfirmPromptId));
        AddAccountSteps(
            async (step, ct) =>
            {
                var context = step.Context;
                var account = await Catalogue.GetAccountAsync(PatronId(step), ct).ConfigureAwait(false);
                if (account.Holds.Count == 0)
                {
                    context.Say("Holds.None", account.FirstName);
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                context.SendText(Describe(account, context));
                var choices = account.Holds.Select(h => PromptChoice.Of(h.HoldId, "Holds.CancelChoice", h.Title)).Append(PromptChoice.Of(KeepId, "Holds.Keep"));
                return await step.PromptAsync(CancelPromptId, new PromptOptions
                {
                    Prompt = Say.Text("Holds.CancelAsk"),
                    Optional = true,
                    Choices = choices.ToList(),
                    ListButton = Say.Text("Menu.Holds"),
                }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var choice = (PromptChoice)step.Result!;
                var account = choice.Id == KeepId ? null : await Catalogue.GetAccountAsync(PatronId(step), ct).ConfigureAwait(false);
                var hold = account?.Holds.FirstOrDefault(h => h.HoldId == choice.Id);
                if (hold is null)
                {
                    step.Context.Say("Holds.Kept");
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                step.SetValue(HoldKey, hold.HoldId);
                step.SetValue(TitleKey, hold.Title);
                return await step.PromptAsync(ConfirmPromptId, new PromptOptions { Prompt = Say.Text("Holds.ConfirmCancel", hold.Title) }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var context = step.Context;
                var title = step.GetValue(TitleKey)!;
                if (step.Result is not true)
                {
                    context.Say("Holds.Kept");
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var outcome = await Catalogue.CancelHoldAsync(PatronId(step), step.GetValue(HoldKey)!, ct).ConfigureAwait(false);
                context.SendText(outcome.Success
                    ? context.Localize("Holds.Cancelled", title)
                    : context.Localize("Holds.NotCancelled", title, OutcomeText.Reason(context, outcome.Reason, outcome.LibraryMessage)));
                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            });
    }

    private static string Describe(PatronAccount account, TurnContext context)
    {
        var sb = new StringBuilder(context.Localize("Holds.Header", account.FirstName));
        for (var i = 0; i < account.Holds.Count; i++)
        {
            var hold = account.Holds[i];
            var pickup = hold.PickupBranchName ?? hold.PickupBranchId;
            sb.Append('\n').Append(hold.Status switch
            {
                HoldStatus.Ready when hold.ReadyUntil is { } until => context.Localize("Holds.Ready", i + 1, hold.Title, pickup, until),
                HoldStatus.InTransit => context.Localize("Holds.InTransit", i + 1, hold.Title, pickup),
                _ when hold.QueuePosition is { } position => context.Localize("Holds.Waiting", i + 1, hold.Title, position, pickup),
                _ => context.Localize("Holds.WaitingNoQueue", i + 1, hold.Title, pickup),
            });
        }

        return sb.ToString();
    }
}
