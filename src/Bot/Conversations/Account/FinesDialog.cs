using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>"How much do I owe?", "cuánto debo", "我欠多少钱", "tôi nợ bao nhiêu": the amount owed on the card in use, and overdue items that add to it.</summary>
public sealed class FinesDialog : AccountDialog
{
    public new const string Id = "account.fines";

    public FinesDialog(ICatalogue catalogue, TimeProvider clock)
        : base(Id, catalogue)
    {
        AddAccountSteps(async (step, ct) =>
        {
            var context = step.Context;
            var account = await Catalogue.GetAccountAsync(PatronId(step), ct).ConfigureAwait(false);
            var today = await LibraryClock.TodayAsync(Catalogue, clock, ct).ConfigureAwait(false);
            var overdue = account.Loans.Count(l => l.IsOverdue(today));
            var owed = account.FinesTotal > 0
                ? context.Localize("Fines.Owed", account.FirstName, DisplayFormats.Money(account.FinesTotal, account.Currency, context.Locale))
                : context.Localize("Fines.Nothing", account.FirstName);
            context.SendText(overdue switch
            {
                0 => owed,
                1 => owed + " " + context.Localize("Fines.OverdueOne"),
                _ => owed + " " + context.Localize("Fines.Overdue", overdue),
            });
            return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
        });
    }
}
