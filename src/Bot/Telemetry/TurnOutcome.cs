namespace LibraryBot.Bot.Telemetry;

/// <summary>How a turn ended: the <c>outcome</c> tag of <c>librarybot.turn.duration</c>.</summary>
public enum TurnOutcome
{
    /// <summary>The turn ran and its state and replies were committed.</summary>
    Completed,
    /// <summary>A dialog or middleware threw: the patron got an apology, which was committed.</summary>
    Failed,
    /// <summary>The activity had been processed already (a repeated delivery): nothing ran.</summary>
    Duplicate,
    /// <summary>The turn could not be committed (store failure, or conflicts past the limit): the entry is run again later.</summary>
    Aborted,
}
