using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Conversations.Location;

/// <summary>
/// Whether a location activity is one the patron chose to send. WeChat also reports locations on its own (the
/// LOCATION event, when the account asks for it): those arrive without a passive-reply window (docs/wechat.md) and
/// must neither answer nor interrupt the dialog in progress.
/// </summary>
public static class SharedLocation
{
    public static bool IsSentByPatron(Activity activity) =>
        activity is { Type: ActivityType.Location, Location: not null }
        && (activity.Channel != ChannelId.WeChat || activity.AwaitingReplyUntil is not null);
}
