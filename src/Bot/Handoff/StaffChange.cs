namespace LibraryBot.Bot.Handoff;

/// <summary>What a change to a staff account did.</summary>
public enum StaffChange
{
    Done,
    NotFound,
    /// <summary>Refused: the account is the last active admin, and the change would leave no admin to manage accounts.</summary>
    LastActiveAdmin,
}
