using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Refit;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// Mass send by OpenID list (<c>message/mass/send</c>, outbound.md §2.3): one text to 2–10,000 followers in one call,
/// outside their 48-hour customer-service window, within the account's quota (subscription account: one mass send a
/// day; service account: each follower at most 4 mass messages a calendar month, the rest filtered out by WeChat).
/// A list of one is refused here (WeChat answers 40130), so a single follower outside the window cannot be reached by
/// mass send: the caller must leave them out with that reason (or wait until there are two).
/// <c>clientmsgid</c> makes a retry safe: WeChat answers 45065 with the original msg_id and sends nothing twice.
/// Never throws for channel errors; never logs OpenIDs or the text.
/// </summary>
public sealed class WeChatMassSender
{
    public const int MinOpenIds = 2;

    public const int MaxOpenIds = 10_000;

    public const int MaxClientMsgIdBytes = 64;

    private readonly WeChatAccessTokenHolder tokens;
    private readonly IOptions<WeChatOptions> options;
    private readonly ILogger<WeChatMassSender> logger;

    internal WeChatMassSender(WeChatAccessTokenHolder tokens, IOptions<WeChatOptions> options, ILogger<WeChatMassSender> logger)
    {
        this.tokens = tokens;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>The configured kind of account (<c>Channels:WeChat:AccountType</c>), which sets the mass-send quota.</summary>
    public WeChatAccountType AccountType => options.Value.AccountType;

    /// <summary>
    /// Mass-sends <paramref name="text"/> to <paramref name="openIds"/> with <paramref name="clientMsgId"/> (at most 64
    /// bytes; the same id for a retry of the same send). The outcome's msg_id matches the later MASSSENDJOBFINISH event.
    /// </summary>
    public async Task<WeChatMassSendOutcome> SendTextAsync(IReadOnlyList<string> openIds, string text, string clientMsgId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(openIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientMsgId);
        if (Refusal(openIds, clientMsgId) is { } refused)
        {
            WeChatLog.MassSendFailed(logger, refused.ErrMsg!);
            return refused;
        }

        var body = new JsonObject
        {
            ["touser"] = new JsonArray([.. openIds.Select(id => (JsonNode)id)]),
            ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = text },
            ["send_ignore_reprint"] = 0,
            ["clientmsgid"] = clientMsgId,
        };
        try
        {
            var answer = await tokens.CallAsync((api, token, ct) => api.MassSendAsync(token, WeChatJson.Content(body), ct), cancellationToken);
            WeChatLog.MassSent(logger, openIds.Count, answer.ErrCode);
            return new WeChatMassSendOutcome(answer.ErrCode, answer.ErrMsg, answer.MassMsgId, CalledWeChat: true);
        }
        catch (WeChatApiException ex)
        {
            WeChatLog.MassSendFailed(logger, $"no access token ({ex.ErrCode})");
            return new WeChatMassSendOutcome(ex.ErrCode, $"no access token: {ex.Message} (check AppId, AppSecret and the IP allow-list)", null, CalledWeChat: false);
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            WeChatLog.MassSendFailed(logger, ex.GetType().Name);
            return new WeChatMassSendOutcome(WeChatMassSendOutcome.SystemBusy, $"WeChat API unreachable or failed ({ex.GetType().Name}); retry with the same clientmsgid", null, CalledWeChat: false);
        }
    }

    /// <summary>What WeChat would refuse, refused before calling it.</summary>
    private static WeChatMassSendOutcome? Refusal(IReadOnlyList<string> openIds, string clientMsgId)
    {
        if (openIds.Count < MinOpenIds)
        {
            return new(WeChatMassSendOutcome.TooFewOpenIds, "invalid openid list size, at least two openid (refused before calling WeChat: a single follower cannot be reached by mass send)", null, false);
        }

        if (openIds.Count > MaxOpenIds)
        {
            return new(WeChatMassSendOutcome.InvalidOpenIdListSize, $"invalid openid list size (refused before calling WeChat: at most {MaxOpenIds} per call)", null, false);
        }

        if (openIds.Any(string.IsNullOrWhiteSpace))
        {
            return new(40003, "invalid openid (refused before calling WeChat: an OpenID is empty)", null, false);
        }

        return Encoding.UTF8.GetByteCount(clientMsgId) > MaxClientMsgIdBytes
            ? new(WeChatMassSendOutcome.ClientMsgIdTooLong, $"clientmsgid size out of limit (refused before calling WeChat: at most {MaxClientMsgIdBytes} bytes)", null, false)
            : null;
    }
}
