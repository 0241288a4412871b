using LibraryBot.Bot.Handoff;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Tests.Handoff;

public sealed class PatronAddressTests
{
    [Theory]
    [InlineData(ChannelId.WhatsApp, "15555550142", "+1 555 ••• 0142")]
    [InlineData(ChannelId.WhatsApp, "34611000001", "+34 611 ••• 0001")]
    [InlineData(ChannelId.WhatsApp, "8613912345678", "+86 139 ••• 5678")]
    [InlineData(ChannelId.WhatsApp, "84912345678", "+84 912 ••• 5678")]
    [InlineData(ChannelId.WhatsApp, "353861234567", "+353 861 ••• 4567")]
    [InlineData(ChannelId.WhatsApp, "3521234567", "+352 ••• 4567")]
    [InlineData(ChannelId.WeChat, "oAbCdEfGhIjKlMnOp3f9a", "WeChat user ••3f9a")]
    [InlineData(ChannelId.WhatsApp, "US.13491208655302741918", "WhatsApp user ••1918")]
    [InlineData(ChannelId.Sms, "+15555550142", "+1 555 ••• 0142")]
    [InlineData(ChannelId.Sms, "+34611000001", "+34 611 ••• 0001")]
    public void Mask_ShowsOnlyTheCountryCodeAndTheEnds(ChannelId channel, string userId, string expected)
    {
        Assert.Equal(expected, PatronAddress.Mask(new ConversationRef(channel, "account", userId)));
    }

    [Fact]
    public void ServiceWindow_OnSms_IsAlwaysOpen_AndConversationKeysRoundTrip()
    {
        var window = ServiceWindow.For(ChannelId.Sms, null, DateTimeOffset.UtcNow);
        Assert.True(window.IsOpen);
        Assert.Null(window.ClosesAt);
        var sms = new ConversationRef(ChannelId.Sms, "+15550001234", "+15555550142");
        Assert.True(ConversationIds.TryParseRef(sms.Key, out var parsed));
        Assert.Equal(sms, parsed);
    }
}
