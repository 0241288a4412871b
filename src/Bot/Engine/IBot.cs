namespace LibraryBot.Bot.Engine;

/// <summary>The end of the pipeline: what the bot does with a turn once every middleware let it through.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext context, CancellationToken cancellationToken);
}
