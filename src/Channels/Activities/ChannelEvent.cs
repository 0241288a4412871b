namespace LibraryBot.Channels.Activities;

public enum ChannelEventKind
{
    /// <summary>The patron followed the account (WeChat subscribe). Value: the QR scene, if any.</summary>
    Follow,
    /// <summary>The patron unfollowed (WeChat unsubscribe).</summary>
    Unfollow,
    /// <summary>A menu button was clicked. Value: the button key.</summary>
    MenuClick,
    /// <summary>A menu link was opened. Value: the URL.</summary>
    MenuLink,
    /// <summary>An existing follower scanned a parameterised QR code. Value: the scene.</summary>
    Scan,
    /// <summary>The patron stopped marketing messages (WhatsApp user_preferences stop).</summary>
    MarketingOptOut,
    /// <summary>The patron resumed marketing messages.</summary>
    MarketingOptIn,
    /// <summary>A reaction to one of our messages. Value: the emoji (empty when removed).</summary>
    Reaction,
    /// <summary>
    /// A mass send finished (WeChat MASSSENDJOBFINISH). Value: <see cref="WeChat.WeChatMassSendResult.Format"/> (msg_id,
    /// counts, status), read back with <see cref="WeChat.WeChatMassSendResult.TryParse"/>; only the status when the event had no MsgID.
    /// </summary>
    JobFinished,
    /// <summary>Subscribe-notification consent changed (WeChat). Value: the template id and status.</summary>
    SubscriptionChanged,
    /// <summary>Something the channel sent that we acknowledge but do not act on (contacts, order, system, unsupported).</summary>
    Unsupported,
    /// <summary>Never from a channel: the library's notice run asks the chat's turn to deliver a digest. Value: the digest id.</summary>
    Notice,
    /// <summary>Never from a channel: a broadcast's dispatcher asks the chat's turn to deliver it. Value: the broadcast id.</summary>
    Broadcast,
}

public sealed record ChannelEvent(ChannelEventKind Kind, string? Value = null);
