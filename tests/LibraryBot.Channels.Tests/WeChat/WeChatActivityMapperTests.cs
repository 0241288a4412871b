using LibraryBot.Channels.Activities;
using LibraryBot.Channels.WeChat;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.Tests.WeChat;

public sealed class WeChatActivityMapperTests
{
    private static readonly WeChatActivityMapper Mapper = new(Options.Create(new WeChatOptions
    {
        Menu =
        {
            new WeChatMenuButton { Name = "我的", SubButtons = { new() { Name = "续借全部", Type = "click", Key = "V_RENEW", Intent = "renew_all" } } },
            new WeChatMenuButton { Name = "开馆", Type = "click", Key = "V_HOURS", Intent = "hours" },
        },
    }));

    private static WeChatInbound Map(string fields, string msgType = "text") =>
        Mapper.Map(WeChatXml.Parse(
            $"<xml>\n<ToUserName><![CDATA[gh_abc]]></ToUserName>\n<FromUserName><![CDATA[oUser]]></FromUserName>\n<CreateTime>1700000000</CreateTime>\n<MsgType><![CDATA[{msgType}]]></MsgType>\n{fields}<Unknown>ignored</Unknown></xml>"))!;

    private static WeChatInbound Event(string name, string more = "") => Map($"<Event><![CDATA[{name}]]></Event>{more}", "event");

    [Fact]
    public void Map_WhenText_GivesMessageKeyedByMsgId()
    {
        var inbound = Map("<Content><![CDATA[ 续借 ]]></Content><MsgId>123</MsgId>");

        Assert.True(inbound.CanReplyPassively);
        Assert.Equal(ActivityType.Message, inbound.Activity.Type);
        Assert.Equal("续借", inbound.Activity.Text);
        Assert.Equal("123", inbound.Activity.DedupeKey);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), inbound.Activity.Timestamp);
        Assert.Equal(new ConversationRef(ChannelId.WeChat, "gh_abc", "oUser"), inbound.Activity.Conversation);
    }

    [Fact]
    public void Map_WhenMediaMessages_GivesMediaOrRecognisedText()
    {
        Assert.Equal(new MediaRef(MediaKind.Image, "m1"), Map("<PicUrl>http://p</PicUrl><MediaId>m1</MediaId><MsgId>1</MsgId>", "image").Activity.Media);
        Assert.Equal(new MediaRef(MediaKind.Voice, "m2", "audio/amr"), Map("<MediaId>m2</MediaId><Format>amr</Format><MsgId>2</MsgId>", "voice").Activity.Media);
        Assert.Equal("几点开门", Map("<MediaId>m3</MediaId><Format>amr</Format><Recognition>几点开门</Recognition><MsgId>3</MsgId>", "voice").Activity.Text);
        Assert.Equal(new MediaRef(MediaKind.Video, "m4"), Map("<MediaId>m4</MediaId><ThumbMediaId>t</ThumbMediaId><MsgId>4</MsgId>", "video").Activity.Media);
        Assert.Equal(new MediaRef(MediaKind.Video, "m5"), Map("<MediaId>m5</MediaId><ThumbMediaId>t</ThumbMediaId><MsgId>5</MsgId>", "shortvideo").Activity.Media);
    }

    [Fact]
    public void Map_WhenLocationAndLink_GivesLocationAndText()
    {
        var location = Map("<Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[广州图书馆]]></Label><MsgId>6</MsgId>", "location").Activity;
        var link = Map("<Title>书评</Title><Description>d</Description><Url>https://mp.weixin.qq.com/s/x</Url><MsgId>7</MsgId>", "link").Activity;

        Assert.Equal(ActivityType.Location, location.Type);
        Assert.Equal(new GeoLocation(23.134521, 113.358803, Address: "广州图书馆"), location.Location);
        Assert.Equal("书评\nhttps://mp.weixin.qq.com/s/x", link.Text);
    }

    [Fact]
    public void Map_WhenFollowScanAndClick_GivesEventsKeyedBySenderAndTime()
    {
        var follow = Event("subscribe", "<EventKey><![CDATA[qrscene_branch7]]></EventKey><Ticket>t</Ticket>");

        Assert.True(follow.CanReplyPassively);
        Assert.Equal(new ChannelEvent(ChannelEventKind.Follow, "branch7"), follow.Activity.Event);
        Assert.Equal("oUser:1700000000", follow.Activity.DedupeKey);
        Assert.Equal(new ChannelEvent(ChannelEventKind.Follow), Event("subscribe").Activity.Event);
        Assert.Equal(new ChannelEvent(ChannelEventKind.Scan, "branch7"), Event("SCAN", "<EventKey>branch7</EventKey>").Activity.Event);
        Assert.Equal(new ChannelEvent(ChannelEventKind.MenuClick, "renew_all"), Event("CLICK", "<EventKey>V_RENEW</EventKey>").Activity.Event);
        Assert.Equal(new ChannelEvent(ChannelEventKind.MenuClick, "hours"), Event("CLICK", "<EventKey>V_HOURS</EventKey>").Activity.Event);
    }

    [Fact]
    public void Map_WhenPassiveEvents_GivesActivitiesThatExpectNoReply()
    {
        var unfollow = Event("unsubscribe");
        var view = Event("VIEW", "<EventKey>https://opac.example</EventKey><MenuId>1</MenuId>");
        var located = Event("LOCATION", "<Latitude>23.1</Latitude><Longitude>113.3</Longitude><Precision>119.3</Precision>");

        Assert.False(unfollow.CanReplyPassively);
        Assert.Equal(new ChannelEvent(ChannelEventKind.Unfollow), unfollow.Activity.Event);
        Assert.Equal(new ChannelEvent(ChannelEventKind.MenuLink, "https://opac.example"), view.Activity.Event);
        Assert.False(located.CanReplyPassively);
        Assert.Equal(new GeoLocation(23.1, 113.3), located.Activity.Location);
    }

    [Fact]
    public void Map_WhenTemplateJobFinished_GivesDeliveryStatusByMsgId()
    {
        var ok = Event("TEMPLATESENDJOBFINISH", "<MsgID>200163836</MsgID><Status><![CDATA[success]]></Status>").Activity;
        var failed = Event("TEMPLATESENDJOBFINISH", "<MsgID>200163840</MsgID><Status><![CDATA[failed: system failed]]></Status>").Activity;

        Assert.Equal(ActivityType.DeliveryStatus, ok.Type);
        Assert.Equal(new DeliveryStatus("200163836", DeliveryState.Delivered), ok.Status);
        Assert.Equal(new DeliveryStatus("200163840", DeliveryState.Failed, ErrorMessage: "failed: system failed"), failed.Status);
    }

    [Fact]
    public void Map_WhenMassSendAndSubscribeMessages_GivesJobAndSubscriptionEvents()
    {
        var mass = Event("MASSSENDJOBFINISH", "<MsgID>1988</MsgID><Status><![CDATA[send success]]></Status><TotalCount>100</TotalCount>").Activity;
        var popup = Event("subscribe_msg_popup_event",
            "<SubscribeMsgPopupEvent><List><TemplateId>T1</TemplateId><SubscribeStatusString>accept</SubscribeStatusString><PopupScene>2</PopupScene></List>" +
            "<List><TemplateId>T2</TemplateId><SubscribeStatusString>reject</SubscribeStatusString><PopupScene>2</PopupScene></List></SubscribeMsgPopupEvent>").Activity;

        Assert.Equal(new ChannelEvent(ChannelEventKind.JobFinished, "1988|100|0|0|0|send success"), mass.Event);
        Assert.Equal("masssend:1988", mass.DedupeKey);
        Assert.Equal(new ChannelEvent(ChannelEventKind.SubscriptionChanged, "T1:accept;T2:reject"), popup.Event);
    }

    [Fact]
    public void Map_WhenMassSendJobFinished_CarriesAllCountsForTheFunnel()
    {
        var mass = Event("MASSSENDJOBFINISH",
            "<MsgID>1000001625</MsgID><Status><![CDATA[send success]]></Status><TotalCount>100</TotalCount><FilterCount>80</FilterCount>" +
            "<SentCount>75</SentCount><ErrorCount>5</ErrorCount>").Activity;
        var noId = Event("MASSSENDJOBFINISH", "<Status><![CDATA[send fail]]></Status>").Activity;

        Assert.True(WeChatMassSendResult.TryParse(mass.Event!.Value, out var result));
        Assert.Equal(new WeChatMassSendResult(1000001625, "send success", 100, 80, 75, 5), result);
        Assert.True(result.Succeeded);
        Assert.Equal(20, result.FilteredOut);
        Assert.Equal(new ChannelEvent(ChannelEventKind.JobFinished, "send fail"), noId.Event);
    }

    [Fact]
    public void Map_WhenUnknownTypeOrMissingFields_IsUnsupportedOrNull()
    {
        var unknown = Map("<MsgId>9</MsgId>", "miniprogrampage");

        Assert.Equal(new ChannelEvent(ChannelEventKind.Unsupported, "miniprogrampage"), unknown.Activity.Event);
        Assert.False(unknown.CanReplyPassively);
        Assert.Null(Mapper.Map(WeChatXml.Parse("<xml><ToUserName>gh</ToUserName><MsgType>text</MsgType></xml>")));
    }

    [Fact]
    public void Map_WhenAnEventTencentAddsLater_IsUnsupportedAndGetsNoPassiveReply()
    {
        var later = Event("future_event_kind", "<EventKey><![CDATA[x]]></EventKey>");

        Assert.Equal(new ChannelEvent(ChannelEventKind.Unsupported, "future_event_kind"), later.Activity.Event);
        Assert.False(later.CanReplyPassively);
    }
}
