namespace LibraryBot.Bot.Conversations.Account;

/// <summary>What "renew" should do: ask, renew all loans, or let the patron choose one.</summary>
public enum RenewMode
{
    Ask,
    All,
    One,
    /// <summary>The loans a due-soon notice offered (its Renew button, or RENEW in reply); Ask when none are on offer.</summary>
    Noticed,
}
