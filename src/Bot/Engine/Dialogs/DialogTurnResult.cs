namespace LibraryBot.Bot.Engine.Dialogs;

public enum DialogTurnStatus
{
    /// <summary>The stack is empty: no dialog handled the turn.</summary>
    Empty,
    /// <summary>The active dialog waits for the patron's next message.</summary>
    Waiting,
    /// <summary>The last dialog on the stack ended.</summary>
    Complete,
    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public static readonly DialogTurnResult Waiting = new(DialogTurnStatus.Waiting);
}
