using LibraryBot.Bot.Conversations;
using LibraryBot.Bot.Conversations.Privacy;
using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Engine;

/// <summary>
/// The bot at the end of the pipeline. Handles global interruptions first (menu, help, cancel, librarian, a language),
/// then continues the active dialog; with no dialog waiting it starts the intent the patron asked for, or says it did
/// not understand (and offers a librarian after two misunderstandings in a row).
/// </summary>
public sealed class DialogEngine(DialogSet dialogs, IntentCatalog intents, BotText text) : IBot
{
    public const int MisunderstandingsBeforeOffer = 2;

    public async Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var dc = new DialogContext(dialogs, context);
        var activity = context.Activity;

        if (activity is { Type: ActivityType.Event, Event: { } channelEvent })
        {
            await OnEventAsync(dc, channelEvent, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!context.State.Greeted)
        {
            WelcomeDialog.Greet(context, text);
        }

        if (PrivacyCommands.TryHandleWords(context, text))
        {
            await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (text.MatchesAnyLanguage("Words.DeleteMyData", activity.Text))
        {
            await dc.BeginInterruptionAsync(DeleteDataDialog.Id, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await TryInterruptAsync(dc, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (activity.Type == ActivityType.Media && dc.ActiveDialog is null)
        {
            context.SendText(text.Get("Media.CannotRead", context.Locale));
            return;
        }

        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status != DialogTurnStatus.Empty)
        {
            return;
        }

        var match = intents.Recognize(context);
        if (match is not null)
        {
            context.State.MisunderstoodInARow = 0;
            await dc.BeginDialogAsync(intents.Find(match.IntentName).DialogId, match.Options, cancellationToken).ConfigureAwait(false);
            return;
        }

        await OnNotUnderstoodAsync(dc, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> TryInterruptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var context = dc.Context;
        var command = GlobalCommand.Recognize(context.Activity, text);
        switch (command.Kind)
        {
            case GlobalCommandKind.Menu:
                dc.CancelAllDialogs();
                await dc.BeginDialogAsync(MenuDialog.Id, null, cancellationToken).ConfigureAwait(false);
                return true;
            case GlobalCommandKind.Cancel:
                dc.CancelAllDialogs();
                context.SendText(text.Get("Cancel.Done", context.Locale));
                return true;
            case GlobalCommandKind.Help:
                context.SendText(text.Get("Help.Text", context.Locale));
                await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return true;
            case GlobalCommandKind.Librarian:
                await dc.BeginInterruptionAsync(EscalationDialog.Id, new EscalationRequest(EscalationReason.PatronAsked), cancellationToken).ConfigureAwait(false);
                return true;
            case GlobalCommandKind.Language:
                context.State.Locale = command.Locale;
                context.SendText(text.Get("Language.Changed", context.Locale));
                await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private async Task OnEventAsync(DialogContext dc, ChannelEvent channelEvent, CancellationToken cancellationToken)
    {
        var context = dc.Context;
        if (PrivacyCommands.TryHandleEvent(context, channelEvent))
        {
            return;
        }

        switch (channelEvent.Kind)
        {
            case ChannelEventKind.Follow:
                await BranchScene.RememberAsync(context, channelEvent.Value, cancellationToken).ConfigureAwait(false);
                WelcomeDialog.Greet(context, text);
                dc.CancelAllDialogs();
                await dc.BeginDialogAsync(LanguageDialog.Id, null, cancellationToken).ConfigureAwait(false);
                break;
            case ChannelEventKind.MenuClick when channelEvent.Value is { } intentName && intents.Contains(intentName):
                dc.CancelAllDialogs();
                await dc.BeginDialogAsync(intents.Find(intentName).DialogId, null, cancellationToken).ConfigureAwait(false);
                break;
            case ChannelEventKind.Scan:
                await BranchScene.RememberAsync(context, channelEvent.Value, cancellationToken).ConfigureAwait(false);
                break;
            case ChannelEventKind.Reaction when dc.ActiveDialog is not null:
                await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnNotUnderstoodAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var context = dc.Context;
        context.State.MisunderstoodInARow++;
        if (context.State.MisunderstoodInARow >= MisunderstandingsBeforeOffer)
        {
            context.State.MisunderstoodInARow = 0;
            await dc.BeginDialogAsync(EscalationDialog.Id, new EscalationRequest(EscalationReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
            return;
        }

        context.SendText(text.Get("NotUnderstood.Text", context.Locale));
    }
}
