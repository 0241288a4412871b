using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>"Address", "phone": every branch with its address, phone and today's hours.</summary>
public sealed class ContactDialog : WaterfallDialog
{
    public new const string Id = "contact";

    public ContactDialog(BotText text)
        : base(Id, [
            async (step, ct) =>
            {
                var context = step.Context;
                var branches = await context.Services.GetRequiredService<ICatalogue>().GetBranchesAsync(ct).ConfigureAwait(false);
                var blocks = branches.Select(b => text.Get("Contact.Line", context.Locale, b.Name, b.Address ?? "—", b.Phone ?? "—")
                    + "\n" + BranchToday.Describe(b, context.Clock, text, context.Locale));
                context.SendText(string.Join("\n\n", blocks));
                return await step.EndDialogAsync(null, ct).ConfigureAwait(false);
            },
        ])
    {
    }
}
