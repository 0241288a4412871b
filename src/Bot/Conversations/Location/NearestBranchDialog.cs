using LibraryBot.Bot.Conversations.Hours;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Location;

/// <summary>A shared location: the nearest branch, its distance and address, and its hours today.</summary>
public sealed class NearestBranchDialog : WaterfallDialog
{
    public new const string Id = "location.nearest";

    public NearestBranchDialog(ICatalogue catalogue, TimeProvider clock)
        : base(Id)
    {
        AddSteps(async (step, ct) =>
        {
            var context = step.Context;
            var branches = await catalogue.GetBranchesAsync(ct).ConfigureAwait(false);
            if (context.Activity.Location is not { } here || NearestBranch.Find(branches, here) is not var (branch, km))
            {
                context.Say("Location.NoBranches");
                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            }

            var distance = km.ToString(km < 10 ? "0.0" : "0", BotLocales.Culture(context.Locale));
            context.SendText(context.Localize("Location.Nearest", branch.Name, distance, branch.Address ?? string.Empty) + "\n" + BranchHours.Describe(branch, clock, context));
            return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
        });
    }
}
