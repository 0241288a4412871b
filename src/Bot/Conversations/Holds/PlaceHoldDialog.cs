using LibraryBot.Bot.Conversations.Account;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Engine.Dialogs.Prompts;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Holds;

/// <summary>Places a hold from a record: the patron picks the pickup branch (their home branch first), then the library answers.</summary>
public sealed class PlaceHoldDialog : WaterfallDialog
{
    public new const string Id = "holds.place";
    public const string PickupPromptId = "holds.place.pickup";

    public PlaceHoldDialog(BotText text)
        : base(Id, CardSteps.WithCard(
            async (step, ct) =>
            {
                var context = step.Context;
                var request = step.Options<PlaceHoldRequest>()!;
                var catalogue = context.Services.GetRequiredService<ICatalogue>();
                var patronId = CardSteps.Card(step).PatronId;
                var account = await catalogue.GetAccountAsync(patronId, ct).ConfigureAwait(false);
                var branches = await catalogue.GetPickupBranchesAsync(request.RecordId, patronId, ct).ConfigureAwait(false);
                if (branches.Count == 0)
                {
                    context.SendText(text.Get("Hold.NoPickup", context.Locale));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var home = branches.FirstOrDefault(b => b.BranchId == account.HomeBranchId)
                    ?? branches.FirstOrDefault(b => b.BranchId == BranchScene.Preferred(context.State));
                var choices = branches.OrderBy(b => b == home ? 0 : 1).Select(b => new Choice(b.BranchId, b.Name)).ToList();
                return await step.PromptAsync(PickupPromptId, new PromptOptions
                {
                    Prompt = home is null
                        ? text.Get("Hold.AskPickupNoHome", context.Locale, request.Title)
                        : text.Get("Hold.AskPickup", context.Locale, request.Title, home.Name),
                    Choices = choices,
                }, ct).ConfigureAwait(false);
            },
            async (step, ct) =>
            {
                var context = step.Context;
                var request = step.Options<PlaceHoldRequest>()!;
                var pickup = (Choice)step.Result!;
                var outcome = await context.Services.GetRequiredService<ICatalogue>()
                    .PlaceHoldAsync(CardSteps.Card(step).PatronId, request.RecordId, pickup.Id, ct).ConfigureAwait(false);
                if (!outcome.Success)
                {
                    context.SendText(text.Get("Hold.Refused", context.Locale, request.Title, OutcomeText.Reason(text, context.Locale, outcome.Reason, outcome.LibraryMessage)));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var placed = text.Get("Hold.Placed", context.Locale, request.Title, pickup.Title);
                context.SendText(outcome.QueuePosition is { } position ? placed + " " + text.Get("Hold.Queue", context.Locale, position) : placed);
                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            }))
    {
    }
}
