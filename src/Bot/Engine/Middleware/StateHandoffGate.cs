namespace LibraryBot.Bot.Engine.Middleware;

/// <summary>The basic gate: while <see cref="ConversationState.HandoffOwner"/> is set, the bot does not answer.</summary>
public sealed class StateHandoffGate : IHandoffGate
{
    public Task<bool> TryPassToHumanAsync(TurnContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.State.HandoffOwner is not null);
}
