using LibraryBot.Bot.Consent;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>Why a chat in a broadcast's segment does not get it, in words outreach staff read in the funnel.</summary>
public static class ExclusionReasons
{
    public const string NoConsent = "no consent for this topic";
    public const string Stop = "wrote STOP";
    public const string ChannelPreference = "stopped marketing messages in WhatsApp";
    public const string ChannelError = "WhatsApp: stopped marketing messages (131050)";
    public const string Unfollowed = "unfollowed on WeChat";
    public const string Erased = "asked to delete their data";
    public const string NewsOff = "turned news off";
    public const string FrequencyCap = "over the frequency cap";
    public const string WhatsAppWindowNoTemplate = "outside WhatsApp's 24-hour window and no marketing template chosen";
    public const string WeChatQuota = "WeChat mass-send quota reached (45028)";
    public const string Cancelled = "broadcast cancelled";
    public const string WeChatSingle = "outside WeChat's 48-hour window, and a mass send needs at least two followers";

    /// <summary>Why news as a whole was withdrawn, from how the withdrawal came about.</summary>
    public static string NewsWithdrawn(ConsentSource source) => source switch
    {
        ConsentSource.StopWord => Stop,
        ConsentSource.ChannelPreference => ChannelPreference,
        ConsentSource.ChannelError => ChannelError,
        ConsentSource.Unfollow => Unfollowed,
        ConsentSource.Erasure => Erased,
        _ => NewsOff,
    };

    /// <summary>Why no topic of the broadcast is granted (the latest withdrawal among them, or none ever given).</summary>
    public static string TopicWithdrawn(ConsentSource? source) => source switch
    {
        ConsentSource.Unfollow => Unfollowed,
        ConsentSource.Erasure => Erased,
        ConsentSource.StopWord => Stop,
        ConsentSource.ChannelPreference => ChannelPreference,
        ConsentSource.ChannelError => ChannelError,
        _ => NoConsent,
    };
}
