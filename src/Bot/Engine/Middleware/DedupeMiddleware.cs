namespace LibraryBot.Bot.Engine.Middleware;

/// <summary>
/// Drops an activity this conversation has already processed. The inbox's unique key stops most repeats; this durable
/// check (the keys live in the conversation's state) also covers stores without a global unique index.
/// </summary>
public sealed class DedupeMiddleware : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        var key = context.Activity.DedupeKey;
        if (context.State.HasProcessed(key))
        {
            context.Handled = true;
            return Task.CompletedTask;
        }

        context.State.RememberProcessed(key);
        return next(context, cancellationToken);
    }
}
