using LibraryBot.Bot.Engine.Dialogs;
using LibraryBot.Bot.Understanding;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Engine;

/// <summary>
/// The bot at the end of the pipeline. It knows dialogs and intents, not library features:
/// <list type="number">
/// <item>A channel menu click starts the intent it names.</item>
/// <item>With a question waiting, the message answers it — unless it asks for something else, which is then served
/// (a task replaces the question; an aside is answered and the question asked again). A message that is neither an
/// answer nor a request is asked about once; the second time it is served as a new request.</item>
/// <item>Otherwise the intent the message asks for starts, or the intent named <see cref="NotUnderstoodIntent"/>.</item>
/// </list>
/// </summary>
public sealed class DialogEngine(DialogSet dialogs, IntentCatalog intents) : IBot
{
    /// <summary>The intent started when a message means nothing the bot knows (the conversations register it).</summary>
    public const string NotUnderstoodIntent = "not-understood";

    public async Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var dc = new DialogContext(dialogs, context);
        var activity = context.Activity;
        if (activity is { Type: ActivityType.Event, Event: { } channelEvent })
        {
            await OnEventAsync(dc, channelEvent, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (activity.Type is not (ActivityType.Message or ActivityType.ChoiceReply or ActivityType.Location or ActivityType.Media))
        {
            return;
        }

        var intent = Requested(dc);
        if (dc.ActiveDialog is { } active)
        {
            var fit = dialogs.Find(active.Id).Fit(dc);
            if (intent is not null && Interrupts(fit, context.Interpretation))
            {
                await StartAsync(dc, intent, cancellationToken).ConfigureAwait(false);
                return;
            }

            await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            if (!context.MessageUnused)
            {
                return;
            }

            // The question could not use this message: serve it as a new request.
            dc.CancelAllDialogs();
            intent = Requested(dc);
        }

        await StartAsync(dc, intent ?? intents.Find(NotUnderstoodIntent), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The registered intent the message asks for, if any (while a question waits, its stand-in there).</summary>
    private Intent? Requested(DialogContext dc)
    {
        var interpretation = dc.Context.Interpretation;
        if (interpretation.IsNone || intents.TryFind(interpretation.Intent) is not { } intent)
        {
            return null;
        }

        return dc.ActiveDialog is not null && intent.WhileAsked is { } instead ? intents.Find(instead) : intent;
    }

    /// <summary>
    /// A clear answer always answers; a free-text question yields only to an explicit request; a message that is no
    /// answer yields to whatever it asks — even a title tried as a search. Only a message that asks nothing the bot
    /// knows is asked about again (once, by the prompt).
    /// </summary>
    private static bool Interrupts(AnswerFit fit, Interpretation interpretation) => fit switch
    {
        AnswerFit.Strong => false,
        AnswerFit.Weak => interpretation.IsExplicit && interpretation.Source == InterpretationSource.Phrase,
        _ => !interpretation.IsNone,
    };

    /// <summary>A task replaces what was waiting; an aside is answered and the waiting question asked again — unless that was only an offer, which it drops.</summary>
    private static async Task StartAsync(DialogContext dc, Intent intent, CancellationToken cancellationToken)
    {
        var options = intent.Options?.Invoke(dc.Context.Interpretation);
        if (intent.Role == IntentRole.Aside && dc.ActiveDialog is { } active && !dc.Dialogs.Find(active.Id).IsOffer(active))
        {
            await dc.BeginInterruptionAsync(intent.DialogId, options, cancellationToken).ConfigureAwait(false);
            return;
        }

        dc.CancelAllDialogs();
        await dc.BeginDialogAsync(intent.DialogId, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnEventAsync(DialogContext dc, ChannelEvent channelEvent, CancellationToken cancellationToken)
    {
        switch (channelEvent.Kind)
        {
            case ChannelEventKind.MenuClick when channelEvent.Value is { } name && intents.TryFind(name.Replace('_', '-')) is { } intent:
                await StartAsync(dc, intent, cancellationToken).ConfigureAwait(false);
                break;
            case ChannelEventKind.Reaction when dc.ActiveDialog is not null:
                await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
