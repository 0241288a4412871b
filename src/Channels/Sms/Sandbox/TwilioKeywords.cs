namespace LibraryBot.Channels.Sms.Sandbox;

/// <summary>
/// Twilio's default opt-out handling, as the fake applies it to simulated patrons: a whole message (trimmed, any case)
/// of STOP, STOPALL, UNSUBSCRIBE, CANCEL, END or QUIT blocks the number and gets Twilio's confirmation; START, YES or
/// UNSTOP unblocks it; HELP or INFO gets Twilio's help line. The message still reaches the webhook, as Twilio forwards it.
/// (The keywords are Twilio's documented defaults; the exact wording of its replies is not verified.)
/// </summary>
internal static class TwilioKeywords
{
    public const string StopReply = "You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.";

    public const string StartReply = "You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.";

    public const string HelpReply = "Reply STOP to unsubscribe. Msg&Data Rates May Apply.";

    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };

    private static readonly HashSet<string> Start = new(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP" };

    private static readonly HashSet<string> Help = new(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO" };

    public static bool IsStop(string text) => Stop.Contains(text.Trim());

    public static bool IsStart(string text) => Start.Contains(text.Trim());

    public static bool IsHelp(string text) => Help.Contains(text.Trim());
}
