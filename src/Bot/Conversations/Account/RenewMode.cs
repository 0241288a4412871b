namespace LibraryBot.Bot.Conversations.Account;

/// <summary>What "renew" should do: ask, renew all loans, or let the patron choose one.</summary>
public enum RenewMode
{
    Ask,
    All,
    One,
}
