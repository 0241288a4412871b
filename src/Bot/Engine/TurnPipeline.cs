namespace LibraryBot.Bot.Engine;

/// <summary>
/// Runs the middleware in the declared order (<see cref="TurnMiddlewareOrder"/>), then the bot — a recursive
/// <c>next</c> chain, as in Bot Framework's MiddlewareSet. A registered middleware missing from the order is an error
/// at start, so the order a newcomer reads is the order that runs.
/// </summary>
public sealed class TurnPipeline
{
    private readonly ITurnMiddleware[] _middleware;
    private readonly IBot _bot;

    public TurnPipeline(IEnumerable<ITurnMiddleware> middleware, TurnMiddlewareOrder order, IBot bot)
    {
        var registered = middleware.ToList();
        var undeclared = registered.Select(m => m.GetType()).Where(t => !order.Types.Contains(t)).ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException($"Middleware not in the declared turn order: {string.Join(", ", undeclared.Select(t => t.Name))}.");
        }

        _middleware = registered.OrderBy(m => order.Types.ToList().IndexOf(m.GetType())).ToArray();
        _bot = bot;
    }

    /// <summary>The middleware as it runs, first to last.</summary>
    public IReadOnlyList<Type> Order => _middleware.Select(m => m.GetType()).ToArray();

    public Task RunAsync(TurnContext context, CancellationToken cancellationToken) => RunFromAsync(0, context, cancellationToken);

    private Task RunFromAsync(int index, TurnContext context, CancellationToken cancellationToken) =>
        index < _middleware.Length
            ? _middleware[index].OnTurnAsync(context, (c, ct) => RunFromAsync(index + 1, c, ct), cancellationToken)
            : _bot.OnTurnAsync(context, cancellationToken);
}
