using System.Text;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>"My loans": titles and due dates (overdue marked), fines owed, and an offer to renew all or one.</summary>
public sealed class LoansDialog : WaterfallDialog
{
    public new const string Id = "account.loans";
    public const string ActionPromptId = "account.loans.action";
    public const string RenewAllId = "renew-all";
    public const string RenewOneId = "renew-one";
    public const string DoneId = "done";

    public LoansDialog(BotText text)
        : base(Id, CardSteps.WithCard(
            async (step, ct) =>
            {
                var context = step.Context;
                var locale = context.Locale;
                var catalogue = context.Services.GetRequiredService<ICatalogue>();
                var account = await catalogue.GetAccountAsync(CardSteps.Card(step).PatronId, ct).ConfigureAwait(false);
                if (account.Loans.Count == 0)
                {
                    context.SendText(text.Get("Loans.None", locale, account.FirstName));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                context.SendText(Describe(account, text, locale, await LibraryClock.TodayAsync(catalogue, context.Clock, ct).ConfigureAwait(false)));
                return await step.PromptAsync(ActionPromptId, new PromptOptions
                {
                    Prompt = text.Get("Loans.Actions", locale),
                    Choices = [new(RenewAllId, text.Get("Renew.All", locale)), new(RenewOneId, text.Get("Renew.One", locale)), new(DoneId, text.Get("Renew.Done", locale))],
                }, ct).ConfigureAwait(false);
            },
            (step, ct) => ((Choice)step.Result!).Id switch
            {
                RenewAllId => step.ReplaceDialogAsync(RenewDialog.Id, new RenewRequest(RenewMode.All), ct),
                RenewOneId => step.ReplaceDialogAsync(RenewDialog.Id, new RenewRequest(RenewMode.One), ct),
                _ => step.EndDialogAsync(null, ct),
            }))
    {
    }

    private static string Describe(PatronAccount account, BotText text, string locale, DateOnly today)
    {
        var sb = new StringBuilder(text.Get("Loans.Header", locale, account.FirstName));
        for (var i = 0; i < account.Loans.Count; i++)
        {
            var loan = account.Loans[i];
            sb.Append('\n').Append(text.Get("Loans.Line", locale, i + 1, loan.Title, DisplayFormats.Date(loan.DueDate, locale)));
            if (loan.IsOverdue(today))
            {
                sb.Append(" ⚠️ ").Append(text.Get("Loans.Overdue", locale));
            }
        }

        if (account.FinesTotal > 0)
        {
            sb.Append("\n\n").Append(text.Get("Loans.Fines", locale, DisplayFormats.Money(account.FinesTotal, account.Currency, locale)));
        }

        return sb.ToString();
    }
}
