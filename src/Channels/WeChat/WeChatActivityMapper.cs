using System.Globalization;
using System.Xml.Linq;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.WeChat;

/// <summary>Maps a (decrypted) WeChat message or event to the normalised <see cref="Activity"/>.</summary>
internal sealed class WeChatActivityMapper(IOptions<WeChatOptions> options)
{
    public const string LocaleHint = "zh-Hans";

    private readonly Dictionary<string, string> intentsByKey = options.Value.Menu
        .SelectMany(b => b.SubButtons.Prepend(b))
        .Where(b => b.Type == WeChatMenuButtonValidator.Click && !string.IsNullOrEmpty(b.Key) && !string.IsNullOrEmpty(b.Intent))
        .ToDictionary(b => b.Key!, b => b.Intent!, StringComparer.Ordinal);

    /// <summary>Null when a common field (ToUserName, FromUserName, CreateTime, MsgType) is missing or invalid.</summary>
    public WeChatInbound? Map(XElement xml)
    {
        var account = xml.Field("ToUserName");
        var user = xml.Field("FromUserName");
        var msgType = xml.Field("MsgType");
        if (account is null || user is null || msgType is null
            || !long.TryParse(xml.Field("CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var createTime))
        {
            return null;
        }

        var activity = new Activity
        {
            Conversation = new ConversationRef(ChannelId.WeChat, account, user),
            Type = ActivityType.Message,
            DedupeKey = xml.Field("MsgId") ?? $"{user}:{createTime}",
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(createTime),
            LocaleHint = LocaleHint,
        };
        if (msgType == "event")
        {
            return MapEvent(xml, activity with { DedupeKey = $"{user}:{createTime}" });
        }

        var message = MapMessage(xml, msgType, activity);
        return new WeChatInbound(message, CanReplyPassively: message.Event?.Kind != ChannelEventKind.Unsupported);
    }

    private static Activity MapMessage(XElement xml, string msgType, Activity a) => msgType switch
    {
        "text" => a with { Text = xml.Field("Content") ?? string.Empty },
        "image" => Media(a, MediaKind.Image, xml),
        "voice" when xml.Field("Recognition") is { } heard => a with { Text = heard },
        "voice" => a with
        {
            Type = ActivityType.Media,
            Media = new MediaRef(MediaKind.Voice, xml.Field("MediaId") ?? string.Empty, VoiceMime(xml.Field("Format"))),
        },
        "video" or "shortvideo" => Media(a, MediaKind.Video, xml),
        "location" => a with
        {
            Type = ActivityType.Location,
            Location = new GeoLocation(Number(xml, "Location_X"), Number(xml, "Location_Y"), Address: xml.Field("Label")),
        },
        "link" => a with { Text = string.Join('\n', new[] { xml.Field("Title"), xml.Field("Url") }.OfType<string>()) },
        _ => Event(a, ChannelEventKind.Unsupported, msgType),
    };

    private WeChatInbound MapEvent(XElement xml, Activity a)
    {
        var name = xml.Field("Event") ?? string.Empty;
        var key = xml.Field("EventKey");
        return name switch
        {
            "subscribe" => Reply(Event(a, ChannelEventKind.Follow, key?.StartsWith("qrscene_", StringComparison.Ordinal) == true ? key["qrscene_".Length..] : null)),
            "unsubscribe" => Silent(Event(a, ChannelEventKind.Unfollow)),
            "SCAN" => Reply(Event(a, ChannelEventKind.Scan, key)),
            "CLICK" => Reply(Event(a, ChannelEventKind.MenuClick, key is not null && intentsByKey.TryGetValue(key, out var intent) ? intent : key)),
            "VIEW" => Silent(Event(a, ChannelEventKind.MenuLink, key)),
            "LOCATION" => Silent(a with
            {
                Type = ActivityType.Location,
                Location = new GeoLocation(Number(xml, "Latitude"), Number(xml, "Longitude")),
            }),
            "TEMPLATESENDJOBFINISH" => Silent(a with { Type = ActivityType.DeliveryStatus, Status = TemplateStatus(xml) }),
            "MASSSENDJOBFINISH" => Silent(MassSendFinished(xml, a)),
            _ when name.StartsWith("subscribe_msg_", StringComparison.Ordinal) =>
                Silent(Event(a, ChannelEventKind.SubscriptionChanged, SubscriptionChanges(xml))),
            _ => Silent(Event(a, ChannelEventKind.Unsupported, name)),
        };
    }

    /// <summary>
    /// The job's counts as <see cref="WeChatMassSendResult.Format"/>; deduplicated by MsgID (one event per mass send; two
    /// sends finishing in the same second come from the same mphelper sender and would otherwise collide).
    /// </summary>
    private static Activity MassSendFinished(XElement xml, Activity a) => WeChatMassSendResult.FromXml(xml) is { } result
        ? Event(a with { DedupeKey = $"masssend:{result.MsgId}" }, ChannelEventKind.JobFinished, result.Format())
        : Event(a, ChannelEventKind.JobFinished, xml.Field("Status"));

    private static DeliveryStatus TemplateStatus(XElement xml)
    {
        var msgId = xml.Field("MsgID") ?? xml.Field("MsgId") ?? string.Empty;
        var status = xml.Field("Status") ?? string.Empty;
        return status == "success"
            ? new DeliveryStatus(msgId, DeliveryState.Delivered)
            : new DeliveryStatus(msgId, DeliveryState.Failed, ErrorMessage: status);
    }

    /// <summary>"templateId:accept;templateId:reject" from the List children of the subscribe_msg_* payload.</summary>
    private static string SubscriptionChanges(XElement xml) => string.Join(';', xml.Descendants("List").Select(l =>
        $"{l.Field("TemplateId")}:{l.Field("SubscribeStatusString") ?? l.Field("ErrorStatus")}"));

    private static Activity Media(Activity a, MediaKind kind, XElement xml) =>
        a with { Type = ActivityType.Media, Media = new MediaRef(kind, xml.Field("MediaId") ?? string.Empty) };

    private static Activity Event(Activity a, ChannelEventKind kind, string? value = null) =>
        a with { Type = ActivityType.Event, Event = new ChannelEvent(kind, value) };

    private static WeChatInbound Reply(Activity a) => new(a, CanReplyPassively: true);

    private static WeChatInbound Silent(Activity a) => new(a, CanReplyPassively: false);

    private static double Number(XElement xml, string name) =>
        double.TryParse(xml.Field(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static string? VoiceMime(string? format) => format is null ? null : $"audio/{format.ToLowerInvariant()}";
}
