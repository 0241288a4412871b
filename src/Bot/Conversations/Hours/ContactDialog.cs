using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.CatalogAdapter;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>"Address", "phone", "where are you?": every branch with its address, phone and today's hours.</summary>
public sealed class ContactDialog : WaterfallDialog
{
    public new const string Id = "contact";

    public ContactDialog(ICatalogue catalogue, TimeProvider clock)
        : base(Id)
    {
        AddSteps(async (step, ct) =>
        {
            var context = step.Context;
            var branches = await catalogue.GetBranchesAsync(ct).ConfigureAwait(false);
            var blocks = branches.Select(b => context.Localize("Contact.Line", b.Name, b.Address ?? "—", b.Phone ?? "—") + "\n" + BranchHours.Describe(b, clock, context));
            context.SendText(string.Join("\n\n", blocks));
            return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
        });
    }
}
