using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>
/// Options of <see cref="LinkCardDialog"/>: whether to explain first why a card is needed (an account action asked for
/// it), and a card number the patron's message already gave. Whether that message also gave a PIN is read from the turn
/// itself (a PIN never goes into options, which are stored).
/// </summary>
public sealed record LinkRequest(bool Explain, string? CardNumber = null)
{
    public static LinkRequest ForAccount(Interpretation interpretation) => new(true, interpretation.Entities.CardNumber);
}
