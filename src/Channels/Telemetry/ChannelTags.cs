using LibraryBot.Channels.Activities;

namespace LibraryBot.Channels.Telemetry;

/// <summary>The value a channel has in metric tags and span attributes: <c>whatsapp</c> or <c>wechat</c>.</summary>
public static class ChannelTags
{
    public static string Of(ChannelId channel) => channel switch
    {
        ChannelId.WhatsApp => "whatsapp",
        ChannelId.WeChat => "wechat",
        ChannelId.Sms => "sms",
        _ => "other",
    };
}
