using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// A channel's free-form reply window: WhatsApp 24 h, WeChat customer service 48 h after the patron last wrote.
/// Outside it a staff reply goes as a template notice (<c>HandoffReply</c>) and the text waits for the patron's next message.
/// </summary>
public sealed record ServiceWindow(ChannelId Channel, TimeSpan Length, DateTimeOffset? ClosesAt, bool IsOpen)
{
    public static ServiceWindow For(ChannelId channel, DateTimeOffset? lastInboundAt, DateTimeOffset now)
    {
        var length = channel == ChannelId.WhatsApp ? TimeSpan.FromHours(24) : TimeSpan.FromHours(48);
        var closes = lastInboundAt + length;
        return new ServiceWindow(channel, length, closes, closes is { } c && now < c);
    }

    /// <summary>What the console shows next to the reply box (the deadline in the library's time).</summary>
    public string Rule(LibraryTime time) => IsOpen
        ? $"{Channel} window open for free-form replies until {time.Format(ClosesAt!.Value)}"
        : $"{Channel} window closed ({Length.TotalHours:0} h since the patron last wrote): a reply goes as the HandoffReply template, and your text is delivered when the patron writes back";
}
