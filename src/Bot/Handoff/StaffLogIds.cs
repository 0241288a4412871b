namespace LibraryBot.Bot.Handoff;

/// <summary>
/// How staff usernames and client addresses appear in logs and in the sign-in throttle: hashed, never in clear
/// (a patron who finds the console may type a phone number or a card number as a username).
/// </summary>
public static class StaffLogIds
{
    /// <summary>Usernames are compared ignoring case, so "Ana" and "ana" hash alike.</summary>
    public static string User(string username) => LogIds.Hash("staff:" + username.Trim().ToUpperInvariant());

    public static string Address(string address) => LogIds.Hash("addr:" + address);
}
