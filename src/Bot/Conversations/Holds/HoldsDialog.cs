using System.Text;
using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Holds;

/// <summary>"My holds": status, pickup branch, ready-until date and queue position; cancel one after confirmation.</summary>
public sealed class HoldsDialog : WaterfallDialog
{
    public new const string Id = "holds.list";
    public const string CancelPromptId = "holds.list.cancel";
    public const string ConfirmPromptId = "holds.list.confirm";
    public const string KeepId = "keep";
    private const string HoldKey = "hold";
    private const string TitleKey = "title";

    public HoldsDialog(BotText text)
        : base(Id, CardSteps.WithCard(
            async (step, ct) =>
            {
                var context = step.Context;
                var locale = context.Locale;
                var account = await context.Services.GetRequiredService<ICatalogue>().GetAccountAsync(CardSteps.Card(step).PatronId, ct).ConfigureAwait(false);
                if (account.Holds.Count == 0)
                {
                    context.SendText(text.Get("Holds.None", locale, account.FirstName));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                context.SendText(Describe(account, text, locale));
                var choices = account.Holds.Select(h => new Choice(h.HoldId, text.Get("Holds.CancelChoice", locale, h.Title))).Append(new Choice(KeepId, text.Get("Holds.Keep", locale)));
                return await step.PromptAsync(CancelPromptId, new PromptOptions
                {
                    Prompt = text.Get("Holds.CancelAsk", locale),
                    Choices = choices.ToList(),
                    ListButton = text.Get("Menu.Holds", locale),
                }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var choice = (Choice)step.Result!;
                var account = choice.Id == KeepId
                    ? null
                    : await step.Context.Services.GetRequiredService<ICatalogue>().GetAccountAsync(CardSteps.Card(step).PatronId, ct).ConfigureAwait(false);
                var hold = account?.Holds.FirstOrDefault(h => h.HoldId == choice.Id);
                if (hold is null)
                {
                    step.Context.SendText(text.Get("Holds.Kept", step.Context.Locale));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                step.SetValue(HoldKey, hold.HoldId);
                step.SetValue(TitleKey, hold.Title);
                return await step.PromptAsync(ConfirmPromptId, new PromptOptions { Prompt = text.Get("Holds.ConfirmCancel", step.Context.Locale, hold.Title) }, ct)
                    .ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var context = step.Context;
                var title = step.GetValue(TitleKey)!;
                if (step.Result is not true)
                {
                    context.SendText(text.Get("Holds.Kept", context.Locale));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var outcome = await context.Services.GetRequiredService<ICatalogue>()
                    .CancelHoldAsync(CardSteps.Card(step).PatronId, step.GetValue(HoldKey)!, ct).ConfigureAwait(false);
                context.SendText(outcome.Success
                    ? text.Get("Holds.Cancelled", context.Locale, title)
                    : text.Get("Holds.NotCancelled", context.Locale, title, OutcomeText.Reason(text, context.Locale, outcome.Reason, outcome.LibraryMessage)));
                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            }))
    {
    }

    private static string Describe(PatronAccount account, BotText text, string locale)
    {
        var sb = new StringBuilder(text.Get("Holds.Header", locale, account.FirstName));
        for (var i = 0; i < account.Holds.Count; i++)
        {
            var hold = account.Holds[i];
            var pickup = hold.PickupBranchName ?? hold.PickupBranchId;
            sb.Append('\n').Append(hold.Status switch
            {
                HoldStatus.Ready when hold.ReadyUntil is { } until => text.Get("Holds.Ready", locale, i + 1, hold.Title, pickup, DisplayFormats.Date(until, locale)),
                HoldStatus.InTransit => text.Get("Holds.InTransit", locale, i + 1, hold.Title, pickup),
                _ when hold.QueuePosition is { } position => text.Get("Holds.Waiting", locale, i + 1, hold.Title, position, pickup),
                _ => text.Get("Holds.WaitingNoQueue", locale, i + 1, hold.Title, pickup),
            });
        }

        return sb.ToString();
    }
}
