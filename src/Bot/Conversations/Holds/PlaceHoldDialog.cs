using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Holds;

/// <summary>Places a hold from a record: the patron picks the pickup branch (their home branch first), then the library answers.</summary>
public sealed class PlaceHoldDialog : AccountDialog
{
    public new const string Id = "holds.place";
    public const string PickupPromptId = "holds.place.pickup";

    public PlaceHoldDialog(ICatalogue catalogue)
        : base(Id, catalogue)
    {
        AddDialog(new ChoicePrompt(PickupPromptId));
        AddAccountSteps(
            async (step, ct) =>
            {
                var context = step.Context;
                var request = step.Options<PlaceHoldRequest>()!;
                var patronId = PatronId(step);
                var account = await Catalogue.GetAccountAsync(patronId, ct).ConfigureAwait(false);
                var branches = await Catalogue.GetPickupBranchesAsync(request.RecordId, patronId, ct).ConfigureAwait(false);
                if (branches.Count == 0)
                {
                    context.Say("Hold.NoPickup");
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var home = branches.FirstOrDefault(b => b.BranchId == account.HomeBranchId)
                    ?? branches.FirstOrDefault(b => b.BranchId == BranchScene.Preferred(context.State));
                return await step.PromptAsync(PickupPromptId, new PromptOptions
                {
                    Prompt = home is null ? Say.Text("Hold.AskPickupNoHome", request.Title) : Say.Text("Hold.AskPickup", request.Title, home.Name),
                    Choices = branches.OrderBy(b => b == home ? 0 : 1).Select(b => PromptChoice.Verbatim(b.BranchId, b.Name)).ToList(),
                }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var context = step.Context;
                var request = step.Options<PlaceHoldRequest>()!;
                var pickup = (PromptChoice)step.Result!;
                var outcome = await Catalogue.PlaceHoldAsync(PatronId(step), request.RecordId, pickup.Id, ct).ConfigureAwait(false);
                if (!outcome.Success)
                {
                    context.Say("Hold.Refused", request.Title, OutcomeText.Reason(context, outcome.Reason, outcome.LibraryMessage));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var placed = context.Localize("Hold.Placed", request.Title, pickup.Title.Literal);
                context.SendText(outcome.QueuePosition is { } position ? placed + " " + context.Localize("Hold.Queue", position) : placed);
                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            });
    }
}
