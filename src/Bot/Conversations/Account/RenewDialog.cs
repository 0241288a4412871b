using System.Text;
using FuzzySharp;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Notices;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>
/// Renews all loans, answering item by item (new due date, or the library's reason), or one loan: the one the patron
/// named ("renew moby dick", "renew 2") or one chosen from the list (renewable ones first).
/// </summary>
public sealed class RenewDialog : AccountDialog
{
    public new const string Id = "account.renew";
    public const string ModePromptId = "account.renew.mode";
    public const string LoanPromptId = "account.renew.loan";
    private const int TitleMatch = 80;

    public RenewDialog(ICatalogue catalogue)
        : base(Id, catalogue)
    {
        AddDialog(new ChoicePrompt(ModePromptId));
        AddDialog(new ChoicePrompt(LoanPromptId));
        AddAccountSteps(
            (step, ct) => (step.Options<RenewRequest>()?.Mode ?? RenewMode.Ask) switch
            {
                RenewMode.Ask or RenewMode.Noticed when NoticeRenewals.Take(step.Context) is { } offered => RenewOfferedAsync(step, offered, ct),
                RenewMode.All => step.NextAsync(PromptChoice.Of(LoansDialog.RenewAllId, "Renew.All"), ct),
                RenewMode.One => step.NextAsync(PromptChoice.Of(LoansDialog.RenewOneId, "Renew.One"), ct),
                _ => step.PromptAsync(ModePromptId, new PromptOptions
                {
                    Prompt = Say.Text("Renew.Ask"),
                    Choices = [PromptChoice.Of(LoansDialog.RenewAllId, "Renew.All"), PromptChoice.Of(LoansDialog.RenewOneId, "Renew.One")],
                }, ct),
            },
            async (step, ct) =>
            {
                var context = step.Context;
                var patronId = PatronId(step);
                if (((PromptChoice)step.Result!).Id == LoansDialog.RenewAllId)
                {
                    var outcomes = await Catalogue.RenewAllAsync(patronId, ct).ConfigureAwait(false);
                    context.SendText(outcomes.Count == 0 ? context.Localize("Renew.NoLoans") : Describe(outcomes, context));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var account = await Catalogue.GetAccountAsync(patronId, ct).ConfigureAwait(false);
                if (account.Loans.Count == 0)
                {
                    context.Say("Renew.NoLoans");
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                if (Named(account.Loans, step.Options<RenewRequest>()) is { } named)
                {
                    return await step.NextAsync(PromptChoice.Verbatim(named.LoanId, named.Title), ct).ConfigureAwait(false);
                }

                var listed = account.Loans.Any(l => l.Renewable) ? account.Loans.Where(l => l.Renewable) : account.Loans;
                return await step.PromptAsync(LoanPromptId, new PromptOptions
                {
                    Prompt = Say.Text("Renew.Which"),
                    Choices = listed.Select(l => PromptChoice.Verbatim(l.LoanId, l.Title, Say.Text("Renew.DueOn", l.DueDate))).ToList(),
                    ListButton = Say.Text("Renew.One"),
                }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var context = step.Context;
                var outcome = await Catalogue.RenewAsync(PatronId(step), ((PromptChoice)step.Result!).Id, ct).ConfigureAwait(false);
                context.SendText(Line(outcome, context));
                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            });
    }

    /// <summary>Renews exactly the loans a notice offered, item by item.</summary>
    private async Task<DialogTurnResult> RenewOfferedAsync(WaterfallStepContext step, IReadOnlyList<NoticeRenewals.OfferedLoan> offered, CancellationToken cancellationToken)
    {
        var outcomes = new List<RenewalOutcome>(offered.Count);
        foreach (var loan in offered)
        {
            outcomes.Add(await Catalogue.RenewAsync(loan.PatronId, loan.LoanId, cancellationToken).ConfigureAwait(false));
        }

        step.Context.SendText(Describe(outcomes, step.Context));
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    public static string Describe(IReadOnlyList<RenewalOutcome> outcomes, TurnContext context)
    {
        var sb = new StringBuilder(context.Localize("Renew.Header"));
        foreach (var outcome in outcomes)
        {
            sb.Append('\n').Append(Line(outcome, context));
        }

        sb.Append("\n\n").Append(context.Localize("Renew.Summary", outcomes.Count(o => o.Renewed), outcomes.Count));
        return sb.ToString();
    }

    /// <summary>The loan the patron named: by its number in the list they saw, or by title (typos allowed).</summary>
    private static Loan? Named(IReadOnlyList<Loan> loans, RenewRequest? request)
    {
        if (request?.Number is { } number && number >= 1 && number <= loans.Count)
        {
            return loans[number - 1];
        }

        if (request?.Title is not { Length: > 0 } title)
        {
            return null;
        }

        var scored = loans.Select(l => (Loan: l, Score: Fuzz.PartialRatio(Lexicon(title), Lexicon(l.Title)))).OrderByDescending(x => x.Score).ToList();
        return scored[0].Score >= TitleMatch && (scored.Count == 1 || scored[1].Score < scored[0].Score) ? scored[0].Loan : null;
    }

    private static string Lexicon(string text) => Understanding.Lexicon.Fold(text);

    private static string Line(RenewalOutcome outcome, TurnContext context) =>
        outcome.Renewed && outcome.NewDueDate is { } due
            ? context.Localize("Renew.Renewed", outcome.Title, due)
            : context.Localize("Renew.Refused", outcome.Title, OutcomeText.Reason(context, outcome.Reason, outcome.LibraryMessage));
}
