namespace LibraryBot.Bot.Engine.Middleware;

/// <summary>
/// Decides whether a person owns the conversation and, if so, takes the patron's message for them
/// (the librarians' console plugs in here). The bot stays silent while a person owns the chat.
/// </summary>
public interface IHandoffGate
{
    /// <summary>Returns true when a person owns the conversation and the message was passed to them.</summary>
    Task<bool> TryPassToHumanAsync(TurnContext context, CancellationToken cancellationToken);
}
