using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.CatalogAdapter;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// When the library system fails during a turn (<see cref="CatalogueException"/>), the patron hears that it is not
/// answering and is offered a librarian, instead of the generic turn error. The dialog that failed is dropped.
/// </summary>
public sealed class CatalogueFailureMiddleware(DialogSet dialogs, ILogger<CatalogueFailureMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        try
        {
            await next(context, cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogueException ex)
        {
            ConversationsLog.CatalogueFailed(logger, ex, ex.Kind.ToString(), LogIds.Hash(context.Activity.Conversation.Key));
            var dc = new DialogContext(dialogs, context);
            dc.CancelAllDialogs();
            context.Say("Catalogue.Unavailable");
            await dc.BeginDialogAsync(EscalationDialog.Id, new EscalationRequest(EscalationReason.NeedsStaff, "catalogue-" + ex.Kind), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
