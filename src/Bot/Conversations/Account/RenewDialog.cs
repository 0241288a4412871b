using System.Text;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>
/// Renews all loans, answering item by item (new due date, or the library's reason), or one chosen loan
/// (renewable ones first listed, "RL").
/// </summary>
public sealed class RenewDialog : WaterfallDialog
{
    public new const string Id = "account.renew";
    public const string ModePromptId = "account.renew.mode";
    public const string LoanPromptId = "account.renew.loan";

    public RenewDialog(BotText text)
        : base(Id, CardSteps.WithCard(
            (step, ct) =>
            {
                var locale = step.Context.Locale;
                return (step.Options<RenewRequest>()?.Mode ?? RenewMode.Ask) switch
                {
                    RenewMode.All => step.NextAsync(new Choice(LoansDialog.RenewAllId, string.Empty), ct),
                    RenewMode.One => step.NextAsync(new Choice(LoansDialog.RenewOneId, string.Empty), ct),
                    _ => step.PromptAsync(ModePromptId, new PromptOptions
                    {
                        Prompt = text.Get("Renew.Ask", locale),
                        Choices = [new(LoansDialog.RenewAllId, text.Get("Renew.All", locale)), new(LoansDialog.RenewOneId, text.Get("Renew.One", locale))],
                    }, ct),
                };
            },
            async (step, ct) =>
            {
                var context = step.Context;
                var catalogue = context.Services.GetRequiredService<ICatalogue>();
                var patronId = CardSteps.Card(step).PatronId;
                if (((Choice)step.Result!).Id == LoansDialog.RenewAllId)
                {
                    var outcomes = await catalogue.RenewAllAsync(patronId, ct).ConfigureAwait(false);
                    context.SendText(outcomes.Count == 0 ? text.Get("Renew.NoLoans", context.Locale) : Describe(outcomes, text, context.Locale));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var account = await catalogue.GetAccountAsync(patronId, ct).ConfigureAwait(false);
                if (account.Loans.Count == 0)
                {
                    context.SendText(text.Get("Renew.NoLoans", context.Locale));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var listed = account.Loans.Any(l => l.Renewable) ? account.Loans.Where(l => l.Renewable) : account.Loans;
                return await step.PromptAsync(LoanPromptId, new PromptOptions
                {
                    Prompt = text.Get("Renew.Which", context.Locale),
                    Choices = listed.Select(l => new Choice(l.LoanId, l.Title, DisplayFormats.Date(l.DueDate, context.Locale))).ToList(),
                    ListButton = text.Get("Renew.One", context.Locale),
                }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var context = step.Context;
                var outcome = await context.Services.GetRequiredService<ICatalogue>()
                    .RenewAsync(CardSteps.Card(step).PatronId, ((Choice)step.Result!).Id, ct).ConfigureAwait(false);
                context.SendText(Line(outcome, text, context.Locale));
                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            }))
    {
    }

    public static string Describe(IReadOnlyList<RenewalOutcome> outcomes, BotText text, string locale)
    {
        var sb = new StringBuilder(text.Get("Renew.Header", locale));
        foreach (var outcome in outcomes)
        {
            sb.Append('\n').Append(Line(outcome, text, locale));
        }

        sb.Append("\n\n").Append(text.Get("Renew.Summary", locale, outcomes.Count(o => o.Renewed), outcomes.Count));
        return sb.ToString();
    }

    private static string Line(RenewalOutcome outcome, BotText text, string locale) =>
        outcome.Renewed && outcome.NewDueDate is { } due
            ? text.Get("Renew.Renewed", locale, outcome.Title, DisplayFormats.Date(due, locale))
            : text.Get("Renew.Refused", locale, outcome.Title, OutcomeText.Reason(text, locale, outcome.Reason, outcome.LibraryMessage));
}
