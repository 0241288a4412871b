using System.Net;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Tests.WhatsApp.TestSupport;

namespace LibraryBot.Channels.Tests.WhatsApp;

/// <summary>Every fixture of channels.md C.6, signed and posted to the real webhook; asserts what reaches the sink.</summary>
public sealed class WhatsAppActivityMappingTests : IAsyncLifetime
{
    private const string Account = "106540352242922";
    private const string Patron = "34612345678";
    private const string Wamid = "wamid.HBgLMzQ2MTIzNDU2NzgVAgASGBQzQUZBMDAwMDAwMDAwMDAwMDAwMQA=";
    private WhatsAppTestHost host = null!;

    public async ValueTask InitializeAsync() => host = await WhatsAppTestHost.StartAsync();

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Receive_WhenText_MapsMessageWithSenderLocaleAndTime()
    {
        var activity = Assert.Single(await PostFixtureAsync("text"));
        Assert.Equal(ActivityType.Message, activity.Type);
        Assert.Equal(new ConversationRef(ChannelId.WhatsApp, Account, Patron), activity.Conversation);
        Assert.Equal("¿Tienen «Cien años de soledad»? 📚", activity.Text);
        Assert.Equal(Wamid, activity.DedupeKey);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764000000), activity.Timestamp);
        Assert.Equal("Lucía", activity.SenderName);
        Assert.Equal("es", activity.LocaleHint);
        Assert.Null(activity.AlternateUserId);
    }

    [Fact]
    public async Task Receive_WhenButtonReply_MapsChoiceWithOurId()
    {
        var activity = Assert.Single(await PostFixtureAsync("button_reply"));
        Assert.Equal(ActivityType.ChoiceReply, activity.Type);
        Assert.Equal("renew_123", activity.ChoiceId);
        Assert.Equal("Renew", activity.Text);
        Assert.Equal("wamid.OUR_BUTTONS", activity.ReplyToChannelMessageId);
    }

    [Fact]
    public async Task Receive_WhenListReply_MapsChoiceWithOurId()
    {
        var activity = Assert.Single(await PostFixtureAsync("list_reply"));
        Assert.Equal(ActivityType.ChoiceReply, activity.Type);
        Assert.Equal("branch_central", activity.ChoiceId);
        Assert.Equal("Central Library", activity.Text);
        Assert.Equal("wamid.OUR_LIST", activity.ReplyToChannelMessageId);
    }

    [Fact]
    public async Task Receive_WhenTemplateQuickReply_MapsChoiceWithPayload()
    {
        var activity = Assert.Single(await PostFixtureAsync("template_quick_reply"));
        Assert.Equal(ActivityType.ChoiceReply, activity.Type);
        Assert.Equal("RENEW_123", activity.ChoiceId);
        Assert.Equal("Yes", activity.Text);
        Assert.Equal("wamid.OUR_TEMPLATE", activity.ReplyToChannelMessageId);
    }

    [Theory]
    [InlineData("location_numbers", "Biblioteca Nacional")]
    [InlineData("location_strings", null)]
    public async Task Receive_WhenLocationAsNumbersOrStrings_MapsLocation(string fixture, string? name)
    {
        var activity = Assert.Single(await PostFixtureAsync(fixture));
        Assert.Equal(ActivityType.Location, activity.Type);
        Assert.Equal(40.4168, activity.Location!.Latitude, 6);
        Assert.Equal(-3.7038, activity.Location.Longitude, 6);
        Assert.Equal(name, activity.Location.Name);
    }

    [Theory]
    [InlineData("image", MediaKind.Image, "1234567890123456", "image/jpeg", "this one?", null)]
    [InlineData("document", MediaKind.Document, "2234567890123456", "application/pdf", "my receipt", "receipt.pdf")]
    [InlineData("audio_voice", MediaKind.Voice, "3234567890123456", "audio/ogg; codecs=opus", null, null)]
    [InlineData("video", MediaKind.Video, "4234567890123456", "video/mp4", null, null)]
    [InlineData("sticker", MediaKind.Sticker, "5234567890123456", "image/webp", null, null)]
    public async Task Receive_WhenMedia_MapsMediaRef(string fixture, MediaKind kind, string id, string mime, string? caption, string? fileName)
    {
        var activity = Assert.Single(await PostFixtureAsync(fixture));
        Assert.Equal(ActivityType.Media, activity.Type);
        Assert.Equal(new MediaRef(kind, id, mime, caption, fileName), activity.Media);
    }

    [Theory]
    [InlineData("reaction", "👍")]
    [InlineData("reaction_removed", "")]
    public async Task Receive_WhenReaction_MapsReactionEventToTheReactedMessage(string fixture, string emoji)
    {
        var activity = Assert.Single(await PostFixtureAsync(fixture));
        Assert.Equal(ActivityType.Event, activity.Type);
        Assert.Equal(new ChannelEvent(ChannelEventKind.Reaction, emoji), activity.Event);
        Assert.Equal("wamid.OUR_REPLY", activity.ReplyToChannelMessageId);
    }

    [Theory]
    [InlineData("unsupported")]
    [InlineData("contacts")]
    public async Task Receive_WhenUnsupportedType_MapsUnsupportedEventAndAnswersOk(string fixture)
    {
        var activity = Assert.Single(await PostFixtureAsync(fixture));
        Assert.Equal(ActivityType.Event, activity.Type);
        Assert.Equal(new ChannelEvent(ChannelEventKind.Unsupported, fixture), activity.Event);
    }

    [Fact]
    public async Task Receive_WhenStatuses_MapsDeliveryStatusesKeyedByWamidAndStatus()
    {
        var activities = await PostFixtureAsync("statuses");
        Assert.Equal(["wamid.OUR_REPLY:sent", "wamid.OUR_REPLY:delivered", "wamid.OUR_REPLY:read"], activities.Select(a => a.DedupeKey));
        Assert.All(activities, a => Assert.Equal(ActivityType.DeliveryStatus, a.Type));
        Assert.Equal([DeliveryState.Sent, DeliveryState.Delivered, DeliveryState.Read], activities.Select(a => a.Status!.State));
        Assert.All(activities, a => Assert.Equal(Patron, a.Conversation.UserId));
        Assert.All(activities, a => Assert.Equal("wamid.OUR_REPLY", a.Status!.ChannelMessageId));
    }

    [Fact]
    public async Task Receive_WhenFailedStatus_MapsErrorCodeAndMessage()
    {
        var activity = Assert.Single(await PostFixtureAsync("status_failed"));
        Assert.Equal("wamid.OUR_REPLY:failed", activity.DedupeKey);
        Assert.Equal(DeliveryState.Failed, activity.Status!.State);
        Assert.Equal("131047", activity.Status.ErrorCode);
        Assert.StartsWith("Re-engagement message: Message failed to send because more than 24 hours", activity.Status.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_WhenNoFromButUserId_KeysTheConversationByUserId()
    {
        var activity = Assert.Single(await PostFixtureAsync("bsuid_no_from"));
        Assert.Equal("US.1234567890123456", activity.Conversation.UserId);
        Assert.Equal("hola", activity.Text);
        Assert.Equal("Ana", activity.SenderName);
        Assert.Null(activity.LocaleHint);
    }

    [Fact]
    public async Task Receive_WhenUserPreferencesStop_MapsMarketingOptOut()
    {
        var activity = Assert.Single(await PostFixtureAsync("user_preferences_stop"));
        Assert.Equal(ActivityType.Event, activity.Type);
        Assert.Equal(new ChannelEvent(ChannelEventKind.MarketingOptOut, "marketing_messages"), activity.Event);
        Assert.Equal(Patron, activity.Conversation.UserId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764000300), activity.Timestamp);
    }

    [Fact]
    public async Task Receive_WhenOnlyValueErrors_AnswersOkWithoutActivities()
    {
        Assert.Empty(await PostFixtureAsync("value_errors", expectSinkCall: false));
        Assert.Empty(host.Sink.Calls);
    }

    private async Task<IReadOnlyList<Activity>> PostFixtureAsync(string name, bool expectSinkCall = true)
    {
        var body = await File.ReadAllBytesAsync(RepoPaths.Payload(name), TestContext.Current.CancellationToken);
        using var response = await host.PostWebhookAsync(body, TestHmac.Sign(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return expectSinkCall ? Assert.Single(host.Sink.Calls) : [];
    }
}
