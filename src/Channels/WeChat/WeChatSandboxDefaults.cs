using LibraryBot.Channels.Abstractions;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// The credentials used when <c>Sandbox:Enabled</c> is true and no WeChat credential is configured. They are
/// public on purpose: they only work against the fake API at <c>/sandbox/wechat</c> of this server.
/// </summary>
public static class WeChatSandboxDefaults
{
    public const string Token = "librarybotsandbox";
    public const string AppId = "wx5a4db0c0de5a4db0";
    public const string AppSecret = "librarybot-sandbox-secret";
    public const string EncodingAESKey = "LibraryBotSandboxKey0123456789abcdefghijklm";

    /// <summary>The original id (gh_…) of the sandbox account, used as ToUserName by the simulator.</summary>
    public const string AccountId = "gh_5a4db0c0de5a";

    public const string ApiPath = "/sandbox/wechat";

    internal static void Apply(WeChatOptions options, SandboxOptions sandbox)
    {
        var noCredentials = string.IsNullOrEmpty(options.Token) && string.IsNullOrEmpty(options.AppId)
            && string.IsNullOrEmpty(options.AppSecret) && string.IsNullOrEmpty(options.EncodingAESKey);
        if (!sandbox.Enabled || !noCredentials)
        {
            return;
        }

        options.Token = Token;
        options.AppId = AppId;
        options.AppSecret = AppSecret;
        options.EncodingAESKey = EncodingAESKey;
        options.UsesSandboxApi = true;
    }
}
