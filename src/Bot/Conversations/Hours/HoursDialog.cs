using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>
/// "Are you open now?", "what time do you close today?", "¿abren el domingo?": every branch's hours on that day (today
/// unless the patron named another), in each branch's time zone, with closures and holidays.
/// </summary>
public sealed class HoursDialog : WaterfallDialog
{
    public new const string Id = "hours";

    public HoursDialog(ICatalogue catalogue, TimeProvider clock)
        : base(Id)
    {
        AddSteps(async (step, ct) =>
        {
            var context = step.Context;
            var branches = await catalogue.GetBranchesAsync(ct).ConfigureAwait(false);
            DateOnly? day = step.Options<HoursRequest>()?.Day is { } reference ? reference.Resolve(await LibraryClock.TodayAsync(catalogue, clock, ct).ConfigureAwait(false)) : null;
            var lines = branches.Select(b => BranchHours.Describe(b, clock, context, day));
            context.SendText(string.Join('\n', lines) + "\n\n" + context.Localize("Hours.Footer"));
            return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
        });
    }
}
