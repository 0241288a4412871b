namespace LibraryBot.Bot.Notices;

/// <summary>Finds the chats a staff notice can go to: by the patron whose card is linked there, or by the patron's phone number.</summary>
public interface IPatronChats
{
    /// <summary>Every chat (any channel) where this patron's card is linked.</summary>
    Task<IReadOnlyList<PatronChat>> LinkedToAsync(string patronId, CancellationToken cancellationToken);

    /// <summary>Every chat whose address is this phone number (digits with the country code, no "+").</summary>
    Task<IReadOnlyList<PatronChat>> WithPhoneAsync(string digits, CancellationToken cancellationToken);
}
