using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>
/// A dialog that acts on the patron's library account. Its first two steps are the card gate: with no card linked,
/// card linking runs first (using a card number and PIN the message already gave) and the dialog then resumes where
/// the patron wanted to go; if linking does not succeed, the dialog ends. Steps added with <see cref="AddAccountSteps"/>
/// run after the gate, with <see cref="PatronId"/> at hand.
/// </summary>
public abstract class AccountDialog : WaterfallDialog
{
    protected AccountDialog(string id, ICatalogue catalogue)
        : base(id)
    {
        Catalogue = catalogue;
    }

    protected ICatalogue Catalogue { get; }

    /// <summary>The linked card in use (only valid in the steps after the gate).</summary>
    protected static string PatronId(WaterfallStepContext step) =>
        LinkedCards.Active(step.Context.State)?.PatronId ?? throw new InvalidOperationException("No linked card: the step runs outside the card gate.");

    protected void AddAccountSteps(params WaterfallStep[] steps) =>
        AddSteps(
            [
                (step, ct) => LinkedCards.Active(step.Context.State) is null
                    ? step.BeginDialogAsync(LinkCardDialog.Id, LinkRequest.ForAccount(step.Context.Interpretation), ct)
                    : step.NextAsync(null, ct),
                (step, ct) => LinkedCards.Active(step.Context.State) is null ? step.EndDialogAsync(null, ct) : steps[0](step, ct),
                .. steps[1..],
            ]);
}
