namespace LibraryBot.Bot.Engine.Middleware;

/// <summary>Stops the turn before the dialogs when a person owns the conversation (see <see cref="IHandoffGate"/>).</summary>
public sealed class HandoffGateMiddleware(IEnumerable<IHandoffGate> gates) : ITurnMiddleware
{
    private readonly IHandoffGate[] _gates = gates.ToArray();

    public async Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        foreach (var gate in _gates)
        {
            if (await gate.TryPassToHumanAsync(context, cancellationToken).ConfigureAwait(false))
            {
                context.Handled = true;
                return;
            }
        }

        await next(context, cancellationToken).ConfigureAwait(false);
    }
}
