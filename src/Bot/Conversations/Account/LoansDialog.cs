using System.Text;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>"My loans": titles and due dates (overdue marked), fines owed, and an offer to renew all or one.</summary>
public sealed class LoansDialog : AccountDialog
{
    public new const string Id = "account.loans";
    public const string ActionPromptId = "account.loans.action";
    public const string RenewAllId = "renew-all";
    public const string RenewOneId = "renew-one";
    public const string DoneId = "done";

    public LoansDialog(ICatalogue catalogue, TimeProvider clock)
        : base(Id, catalogue)
    {
        AddDialog(new ChoicePrompt(ActionPromptId));
        AddAccountSteps(
            async (step, ct) =>
            {
                var context = step.Context;
                var account = await Catalogue.GetAccountAsync(PatronId(step), ct).ConfigureAwait(false);
                if (account.Loans.Count == 0)
                {
                    context.Say("Loans.None", account.FirstName);
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                context.SendText(Describe(account, context, await LibraryClock.TodayAsync(Catalogue, clock, ct).ConfigureAwait(false)));
                return await step.PromptAsync(ActionPromptId, new PromptOptions
                {
                    Prompt = Say.Text("Loans.Actions"),
                    Optional = true,
                    Choices = [PromptChoice.Of(RenewAllId, "Renew.All"), PromptChoice.Of(RenewOneId, "Renew.One"), PromptChoice.Of(DoneId, "Renew.Done")],
                }, ct).ConfigureAwait(false);
            },
            (step, ct) =>
            {
                switch (((PromptChoice)step.Result!).Id)
                {
                    case RenewAllId:
                        return step.ReplaceDialogAsync(RenewDialog.Id, new RenewRequest(RenewMode.All), ct);
                    case RenewOneId:
                        return step.ReplaceDialogAsync(RenewDialog.Id, new RenewRequest(RenewMode.One), ct);
                    default:
                        step.Context.Say("Loans.DoneReply");
                        return step.EndDialogAsync(null, ct);
                }
            });
    }

    private static string Describe(PatronAccount account, TurnContext context, DateOnly today)
    {
        var sb = new StringBuilder(context.Localize("Loans.Header", account.FirstName));
        for (var i = 0; i < account.Loans.Count; i++)
        {
            var loan = account.Loans[i];
            sb.Append('\n').Append(context.Localize("Loans.Line", i + 1, loan.Title, loan.DueDate));
            if (loan.IsOverdue(today))
            {
                sb.Append(" ⚠️ ").Append(context.Localize("Loans.Overdue"));
            }
        }

        if (account.FinesTotal > 0)
        {
            sb.Append("\n\n").Append(context.Localize("Loans.Fines", DisplayFormats.Money(account.FinesTotal, account.Currency, context.Locale)));
        }

        return sb.ToString();
    }
}
