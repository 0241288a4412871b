using System.Globalization;
using LibraryBot.Bot.Conversations.Hours;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Location;

/// <summary>A shared location: the nearest branch, its distance and address, and its hours today.</summary>
public sealed class NearestBranchDialog : WaterfallDialog
{
    public new const string Id = "location.nearest";

    public NearestBranchDialog(BotText text)
        : base(Id, [
            async (step, ct) =>
            {
                var context = step.Context;
                var branches = await context.Services.GetRequiredService<ICatalogue>().GetBranchesAsync(ct).ConfigureAwait(false);
                if (context.Activity.Location is not { } here || NearestBranch.Find(branches, here) is not var (branch, km))
                {
                    context.SendText(text.Get("Location.NoBranches", context.Locale));
                    return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
                }

                var distance = km.ToString(km < 10 ? "0.0" : "0", BotLocalesCulture(context.Locale));
                context.SendText(text.Get("Location.Nearest", context.Locale, branch.Name, distance, branch.Address ?? string.Empty)
                    + "\n" + BranchToday.Describe(branch, context.Clock, text, context.Locale));
                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            },
        ])
    {
    }

    private static CultureInfo BotLocalesCulture(string locale) => Engine.BotLocales.Culture(locale);
}
