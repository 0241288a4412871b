namespace LibraryBot.Bot.Engine;

public delegate Task TurnHandler(TurnContext context, CancellationToken cancellationToken);

/// <summary>A step of the turn pipeline: does its work and calls <c>next</c>, or short-circuits by not calling it.</summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken);
}
