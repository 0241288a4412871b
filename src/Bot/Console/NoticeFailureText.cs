namespace LibraryBot.Bot.Console;

/// <summary>
/// Why a notice did not arrive, in plain words for the console: the channel's error codes librarians meet most
/// (../shared/docs/outbound.md), else the channel's or the ledger's own words.
/// </summary>
public static class NoticeFailureText
{
    public static string? Describe(string? errorCode, string? reason) => errorCode switch
    {
        "131026" => "WhatsApp could not deliver it: the number is not on WhatsApp, or the patron's app is too old.",
        "131047" => "The patron last wrote more than 24 hours ago, so WhatsApp needs an approved template and none was available.",
        "131049" => "WhatsApp held it back to protect the patron from too many business messages; it is tried again a day later.",
        "131050" => "The patron told WhatsApp to stop messages from the library.",
        "131048" => "WhatsApp limits this number because earlier messages were reported as spam.",
        "130429" or "131056" => "Too many messages at once; it is tried again shortly.",
        "43004" or "40003" => "The patron no longer follows the library's WeChat account.",
        "43101" => "The patron has not subscribed to this WeChat notice.",
        "45015" => "Outside WeChat's 48-hour reply window (or the patron unfollowed); it can go out when the patron writes again.",
        "45047" => "WeChat's limit of messages in the reply window was reached; it can go out when the patron writes again.",
        "21610" => "The patron replied STOP to the library's text messages.",
        _ when string.IsNullOrWhiteSpace(reason) => errorCode is null ? null : $"The channel refused it (code {errorCode}) without saying why.",
        _ => char.ToUpperInvariant(reason[0]) + reason[1..] + (reason.EndsWith('.') ? string.Empty : "."),
    };
}
