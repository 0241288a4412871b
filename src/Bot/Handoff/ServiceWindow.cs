using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// A channel's free-form reply window: WhatsApp 24 h, WeChat customer service 48 h after the patron last wrote; SMS has
/// none (always open). Outside it a staff reply goes as a template notice (<c>HandoffReply</c>) and the text waits for
/// the patron's next message.
/// </summary>
public sealed record ServiceWindow(ChannelId Channel, TimeSpan Length, DateTimeOffset? ClosesAt, bool IsOpen)
{
    public static ServiceWindow For(ChannelId channel, DateTimeOffset? lastInboundAt, DateTimeOffset now)
    {
        if (channel == ChannelId.Sms)
        {
            return new ServiceWindow(channel, TimeSpan.Zero, null, true);
        }

        var length = channel == ChannelId.WhatsApp ? TimeSpan.FromHours(24) : TimeSpan.FromHours(48);
        var closes = lastInboundAt + length;
        return new ServiceWindow(channel, length, closes, closes is { } c && now < c);
    }

    /// <summary>What the console shows next to the reply box (the deadline in the library's time).</summary>
    public string Rule(LibraryTime time) => ClosesAt is null && IsOpen
        ? "SMS has no reply window: replies go out as text messages at any time"
        : IsOpen
        ? $"{Channel} window open for free-form replies until {time.Format(ClosesAt!.Value)}"
        : $"{Channel} window closed ({Length.TotalHours:0} h since the patron last wrote): a reply goes as the HandoffReply template, and your text is delivered when the patron writes back";
}
