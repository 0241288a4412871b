namespace LibraryBot.Bot.Consent;

public enum ConsentAction
{
    Grant,
    Withdraw,
}
