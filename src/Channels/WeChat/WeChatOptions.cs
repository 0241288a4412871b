using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// <c>Channels:WeChat:*</c>. With <c>Sandbox:Enabled</c> and all four credentials empty, the sandbox values of
/// <see cref="WeChatSandboxDefaults"/> are used and the API is the fake one built into this server.
/// </summary>
public sealed class WeChatOptions
{
    public const string SectionName = "Channels:WeChat";

    /// <summary>The Token set on the account's server configuration page (3–32 letters or digits).</summary>
    public string Token { get; set; } = string.Empty;

    public string AppId { get; set; } = string.Empty;

    public string AppSecret { get; set; } = string.Empty;

    /// <summary>The 43-character EncodingAESKey (safe and compatible modes).</summary>
    public string EncodingAESKey { get; set; } = string.Empty;

    /// <summary>The key used before the last rotation; still accepted for inbound messages.</summary>
    public string? PreviousEncodingAESKey { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com";

    public WeChatAccountType AccountType { get; set; } = WeChatAccountType.Subscription;

    /// <summary>How long the webhook waits for a turn's first reply to send it passively (WeChat gives up at 5 s).</summary>
    public int PassiveReplyBudgetMs { get; set; } = 4000;

    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The custom menu to publish; empty leaves the account's menu alone.</summary>
    public List<WeChatMenuButton> Menu { get; set; } = [];

    public Dictionary<NotificationKind, WeChatTemplate> Templates { get; set; } = [];

    /// <summary>Set (not bound) when the sandbox credentials were filled in: the API is this server's fake one.</summary>
    internal bool UsesSandboxApi { get; set; }
}
