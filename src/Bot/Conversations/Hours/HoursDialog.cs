using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>"Are you open now?": today's hours of every branch from the catalogue, in each branch's time zone.</summary>
public sealed class HoursDialog : WaterfallDialog
{
    public new const string Id = "hours";

    public HoursDialog(BotText text)
        : base(Id, [
            async (step, ct) =>
            {
                var context = step.Context;
                var branches = await context.Services.GetRequiredService<ICatalogue>().GetBranchesAsync(ct).ConfigureAwait(false);
                var lines = branches.Select(b => BranchToday.Describe(b, context.Clock, text, context.Locale));
                context.SendText(string.Join('\n', lines) + "\n\n" + text.Get("Hours.Footer", context.Locale));
                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            },
        ])
    {
    }
}
