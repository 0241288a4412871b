using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Understanding;

/// <summary>
/// Reads what the turn's activity asks before the dialogs see it: a text message through the
/// <see cref="MessageInterpreter"/>; a location the patron shared as a request for the nearest branch; a tapped button
/// that names an intent (an old menu still on screen) as that intent.
/// </summary>
public sealed class UnderstandingMiddleware(MessageInterpreter interpreter, IntentCatalog intents) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        context.Interpretation = activity.Type switch
        {
            ActivityType.Message => await interpreter.InterpretAsync(activity.Text, context.Secret, cancellationToken).ConfigureAwait(false),
            ActivityType.Location when activity.Location is not null => new Interpretation(IntentNames.Nearest, 1, InterpretedEntities.None, null, InterpretationSource.Shape),
            ActivityType.ChoiceReply when activity.ChoiceId is { } id && intents.Contains(id) => new Interpretation(id, 0.95, InterpretedEntities.None, null, InterpretationSource.Shape),
            _ => context.Interpretation,
        };
        await next(context, cancellationToken).ConfigureAwait(false);
    }
}
