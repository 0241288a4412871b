using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.WeChat;

/// <summary>WeChat channel log messages (event ids 2200–2299). Never logs OpenIDs or message text: only hashes and codes.</summary>
internal static partial class WeChatLog
{
    [LoggerMessage(2200, LogLevel.Warning, "WeChat webhook rejected: bad {SignatureKind} (check Channels:WeChat:Token)")]
    public static partial void BadSignature(ILogger logger, string signatureKind);

    [LoggerMessage(2201, LogLevel.Warning, "WeChat webhook rejected: {Reason}")]
    public static partial void BadRequest(ILogger logger, string reason);

    [LoggerMessage(2202, LogLevel.Warning, "WeChat payload could not be decrypted with the current or previous EncodingAESKey (or its AppID differs)")]
    public static partial void DecryptFailed(ILogger logger);

    [LoggerMessage(2203, LogLevel.Information, "WeChat payload acknowledged without an activity: missing common fields")]
    public static partial void Unmappable(ILogger logger);

    [LoggerMessage(2204, LogLevel.Debug, "WeChat {ActivityType} stored for conversation {ConversationHash} (duplicate: {Duplicate})")]
    public static partial void Stored(ILogger logger, string activityType, string conversationHash, bool duplicate);

    [LoggerMessage(2205, LogLevel.Debug, "WeChat passive reply for conversation {ConversationHash}: {Outcome}")]
    public static partial void PassiveReply(ILogger logger, string conversationHash, string outcome);

    [LoggerMessage(2210, LogLevel.Information, "WeChat access token refreshed (expires in {ExpiresIn} s)")]
    public static partial void TokenRefreshed(ILogger logger, int expiresIn);

    [LoggerMessage(2211, LogLevel.Warning, "WeChat stable_token failed: errcode {ErrCode}")]
    public static partial void TokenFailed(ILogger logger, int errCode);

    [LoggerMessage(2212, LogLevel.Information, "WeChat send to {ConversationHash}: {Outcome} (errcode {ErrCode})")]
    public static partial void Sent(ILogger logger, string conversationHash, string outcome, int errCode);

    [LoggerMessage(2213, LogLevel.Warning, "WeChat API call failed: {Reason}")]
    public static partial void ApiFailed(ILogger logger, string reason);

    [LoggerMessage(2214, LogLevel.Warning, "WeChat template for {Kind} lacks parameter {Parameter}: sent as customer-service text")]
    public static partial void TemplateParameterMissing(ILogger logger, string kind, string parameter);

    [LoggerMessage(2220, LogLevel.Information, "WeChat menu unchanged; not pushed")]
    public static partial void MenuUnchanged(ILogger logger);

    [LoggerMessage(2221, LogLevel.Information, "WeChat menu pushed")]
    public static partial void MenuPushed(ILogger logger);

    [LoggerMessage(2222, LogLevel.Error, "WeChat menu push failed: {Reason}")]
    public static partial void MenuFailed(ILogger logger, string reason);

    [LoggerMessage(2230, LogLevel.Warning, "WeChat sandbox could not deliver a TEMPLATESENDJOBFINISH event: {Reason}")]
    public static partial void SandboxEventFailed(ILogger logger, string reason);

    /// <summary>A short, stable hash of a conversation key for logs (never the OpenID itself).</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..12];

    [LoggerMessage(2240, LogLevel.Information, "WeChat mass send to {Count} followers: errcode {ErrCode}")]
    public static partial void MassSent(ILogger logger, int count, int errCode);

    [LoggerMessage(2241, LogLevel.Warning, "WeChat mass send not made: {Reason}")]
    public static partial void MassSendFailed(ILogger logger, string reason);

    [LoggerMessage(2242, LogLevel.Warning, "WeChat sandbox could not deliver a MASSSENDJOBFINISH event: {Reason}")]
    public static partial void SandboxMassEventFailed(ILogger logger, string reason);
}
