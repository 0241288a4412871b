using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Conversations.Location;

/// <summary>
/// A location the channel reported on its own (WeChat's LOCATION event) is not something the patron said: the turn
/// ends here, so it neither answers, counts as a misunderstanding, nor disturbs a question that is waiting.
/// </summary>
public sealed class AutomaticLocationMiddleware : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        if (context.Activity.Type == ActivityType.Location && !SharedLocation.IsSentByPatron(context.Activity))
        {
            context.Handled = true;
            return Task.CompletedTask;
        }

        return next(context, cancellationToken);
    }
}
