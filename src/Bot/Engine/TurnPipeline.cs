namespace LibraryBot.Bot.Engine;

/// <summary>Runs the middleware in registration order, then the bot (a recursive <c>next</c> chain, as in Bot Framework's MiddlewareSet).</summary>
public sealed class TurnPipeline(IEnumerable<ITurnMiddleware> middleware, IBot bot)
{
    private readonly ITurnMiddleware[] _middleware = middleware.ToArray();

    public Task RunAsync(TurnContext context, CancellationToken cancellationToken) => RunFromAsync(0, context, cancellationToken);

    private Task RunFromAsync(int index, TurnContext context, CancellationToken cancellationToken) =>
        index < _middleware.Length
            ? _middleware[index].OnTurnAsync(context, (c, ct) => RunFromAsync(index + 1, c, ct), cancellationToken)
            : bot.OnTurnAsync(context, cancellationToken);
}
