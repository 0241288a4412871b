using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Refit;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// Sends through the customer-service API (text; news with one article for a record; numbered text for a
/// question) and, on service accounts with a mapped template, template messages. Never throws for channel errors.
/// </summary>
internal sealed class WeChatSender(
    WeChatAccessTokenHolder tokens,
    IOptions<WeChatOptions> options,
    ILogger<WeChatSender> logger) : IChannelSender
{
    public ChannelId Channel => ChannelId.WeChat;

    public async Task<SendOutcome> SendAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        var hash = WeChatLog.Hash(envelope.To.Key);
        try
        {
            var outcome = await SendCoreAsync(envelope, cancellationToken);
            WeChatLog.Sent(logger, hash, outcome.Kind.ToString(), outcome.ErrorCode is null ? 0 : int.Parse(outcome.ErrorCode, CultureInfo.InvariantCulture));
            return outcome;
        }
        catch (WeChatApiException ex)
        {
            return new SendOutcome(SendOutcomeKind.RetryLater, Reason: $"no access token: {ex.Message} (check AppId, AppSecret and the IP allow-list)",
                ErrorCode: ex.ErrCode.ToString(CultureInfo.InvariantCulture), RetryAfter: TimeSpan.FromMinutes(5), Effect: RecipientEffect.ChannelAlert);
        }
        catch (ApiException ex) when ((int)ex.StatusCode >= 500 || ex.StatusCode == HttpStatusCode.TooManyRequests)
        {
            WeChatLog.ApiFailed(logger, $"HTTP {(int)ex.StatusCode}");
            return SendOutcome.Retry($"WeChat answered HTTP {(int)ex.StatusCode}");
        }
        catch (ApiException ex)
        {
            WeChatLog.ApiFailed(logger, $"HTTP {(int)ex.StatusCode}");
            return SendOutcome.Failed($"WeChat answered HTTP {(int)ex.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            WeChatLog.ApiFailed(logger, ex.GetType().Name);
            return SendOutcome.Retry($"WeChat API unreachable or timed out ({ex.GetType().Name})");
        }
    }

    private async Task<SendOutcome> SendCoreAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var openId = envelope.To.UserId;
        if (envelope.Message is TemplateNotification notice && o.AccountType == WeChatAccountType.Service
            && o.Templates.TryGetValue(notice.Kind, out var template))
        {
            var body = WeChatOutboundJson.TemplateMessage(openId, template, notice, envelope.OutboxId, out var missing);
            if (body is not null)
            {
                var sent = await tokens.CallAsync((api, token, ct) => api.SendTemplateMessageAsync(token, WeChatJson.Content(body), ct), cancellationToken);
                return Outcome(sent, sent.MsgId?.ToString(CultureInfo.InvariantCulture) ?? $"template:{envelope.OutboxId}");
            }

            WeChatLog.TemplateParameterMissing(logger, notice.Kind.ToString(), missing!);
        }

        JsonObject message = WeChatOutboundJson.CustomMessage(openId, envelope.Message);
        var result = await tokens.CallAsync((api, token, ct) => api.SendCustomMessageAsync(token, WeChatJson.Content(message), ct), cancellationToken);
        return Outcome(result, $"custom:{envelope.OutboxId}");
    }

    /// <summary>Tencent's errcode → what the outbox should do.</summary>
    internal static SendOutcome Outcome(WeChatApiResult result, string channelMessageId)
    {
        var code = result.ErrCode.ToString(CultureInfo.InvariantCulture);
        return result.ErrCode switch
        {
            0 => SendOutcome.Sent(channelMessageId),
            45015 => SendOutcome.Held("WeChat: outside the 48-hour customer-service window, or the patron unfollowed; it can go out when the patron writes again", code),
            45047 => SendOutcome.Held("WeChat: the customer-service message quota for this patron is used up until the patron writes again", code),
            43004 or 40003 => SendOutcome.Failed("WeChat: the patron does not follow the account (or the OpenID is not of this account)", code, RecipientEffect.Unreachable),
            -1 => SendOutcome.Retry("WeChat: system busy", code, TimeSpan.FromSeconds(30)),
            45009 => SendOutcome.Retry("WeChat: daily API quota reached", code, TimeSpan.FromHours(1)),
            40001 or 40014 or 42001 => SendOutcome.Retry("WeChat: access token still rejected after one refresh", code, TimeSpan.FromMinutes(1)),
            48001 or 40164 => new SendOutcome(SendOutcomeKind.Failed, Reason: $"WeChat: API not allowed for this account or server IP ({result.ErrMsg})", ErrorCode: code, Effect: RecipientEffect.ChannelAlert),
            _ => SendOutcome.Failed($"WeChat error {code}: {result.ErrMsg}", code),
        };
    }
}
