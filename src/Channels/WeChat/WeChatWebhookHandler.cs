using System.Text;
using System.Xml;
using System.Xml.Linq;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// <c>GET/POST /webhooks/wechat</c>: URL verification, then signature check (plain <c>signature</c>, or
/// <c>msg_signature</c> over the Encrypt value before decrypting), mapping, durable storage and, within the
/// budget, the turn's first reply as a passive (and in safe mode encrypted) XML answer; otherwise <c>success</c>.
/// </summary>
internal sealed class WeChatWebhookHandler(
    IOptions<WeChatOptions> options,
    WeChatKeyRing keys,
    WeChatActivityMapper mapper,
    IInboundSink sink,
    IPassiveReplyBroker broker,
    TimeProvider time,
    ChannelMetrics metrics,
    ILogger<WeChatWebhookHandler> logger)
{
    private static readonly TimeSpan BrokerGrace = TimeSpan.FromMilliseconds(250);

    private WeChatOptions Options => options.Value;

    public IResult Verify(HttpRequest request)
    {
        var q = request.Query;
        if (!WeChatSignature.Matches(q["signature"], Options.Token, q["timestamp"].ToString(), q["nonce"].ToString()))
        {
            WeChatLog.BadSignature(logger, "URL verification signature");
            metrics.Refused(ChannelId.WeChat, WebhookRefusal.VerificationFailed, null);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return Results.Text(q["echostr"].ToString(), "text/plain", Encoding.UTF8);
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var span = ChannelMetrics.StartWebhookSpan(ChannelId.WeChat);
        var started = time.GetTimestamp();
        var q = request.Query;
        var timestamp = q["timestamp"].ToString();
        var nonce = q["nonce"].ToString();
        var body = await RequestBodyReader.ReadAsync(request, Options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            WeChatLog.BadRequest(logger, "body larger than Channels:WeChat:MaxBodyBytes");
            metrics.Refused(ChannelId.WeChat, WebhookRefusal.PayloadTooLarge, span);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        XElement message;
        WeChatCipher? cipher = null;
        try
        {
            var envelope = WeChatXml.Parse(body.Value);
            switch (q["encrypt_type"].ToString())
            {
                case "" or "raw":
                    if (!WeChatSignature.Matches(q["signature"], Options.Token, timestamp, nonce))
                    {
                        WeChatLog.BadSignature(logger, "signature");
                        metrics.Refused(ChannelId.WeChat, WebhookRefusal.InvalidSignature, span);
                        return Results.Unauthorized();
                    }

                    message = envelope;
                    break;
                case "aes":
                    var encrypt = envelope.Field("Encrypt");
                    if (encrypt is null || !WeChatSignature.Matches(q["msg_signature"], Options.Token, timestamp, nonce, encrypt))
                    {
                        WeChatLog.BadSignature(logger, "msg_signature");
                        metrics.Refused(ChannelId.WeChat, WebhookRefusal.InvalidSignature, span);
                        return Results.Unauthorized();
                    }

                    cipher = keys.TryDecrypt(encrypt, out var plain);
                    if (cipher is null)
                    {
                        WeChatLog.DecryptFailed(logger);
                        metrics.Refused(ChannelId.WeChat, WebhookRefusal.DecryptFailed, span);
                        return Results.BadRequest();
                    }

                    message = WeChatXml.Parse(plain);
                    break;
                default:
                    WeChatLog.BadRequest(logger, "unknown encrypt_type");
                    metrics.Refused(ChannelId.WeChat, WebhookRefusal.UnsupportedEncryption, span);
                    return Results.BadRequest();
            }
        }
        catch (XmlException)
        {
            WeChatLog.BadRequest(logger, "malformed or unsafe XML");
            metrics.Refused(ChannelId.WeChat, WebhookRefusal.Malformed, span);
            return Results.BadRequest();
        }

        return await AcceptAsync(message, cipher, nonce, started, span, cancellationToken);
    }

    private async Task<IResult> AcceptAsync(XElement message, WeChatCipher? cipher, string nonce, long started, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        var inbound = mapper.Map(message);
        if (inbound is null)
        {
            WeChatLog.Unmappable(logger);
            metrics.Accepted(ChannelId.WeChat, null, span);
            return Success();
        }

        var budget = TimeSpan.FromMilliseconds(Options.PassiveReplyBudgetMs);
        var passive = inbound.CanReplyPassively && budget > TimeSpan.Zero;
        var activity = passive ? inbound.Activity with { AwaitingReplyUntil = time.GetUtcNow() + budget } : inbound.Activity;
        var acceptance = await sink.AcceptAsync([activity], cancellationToken);
        var conversationHash = WeChatLog.Hash(activity.Conversation.Key);
        WeChatLog.Stored(logger, activity.Type.ToString(), conversationHash, acceptance.Duplicates > 0);
        metrics.Accepted(ChannelId.WeChat, acceptance, span);
        if (!passive)
        {
            return Success();
        }

        var reply = await ClaimReplyAsync(activity.DedupeKey, budget - time.GetElapsedTime(started), cancellationToken);
        WeChatLog.PassiveReply(logger, conversationHash, reply is null ? "none in time, answered success" : "sent in the response");
        if (reply is null || (reply is not RecordCard && string.IsNullOrWhiteSpace(WeChatMessageText.Text(reply))))
        {
            // An empty <Content> would show the patron "该公众号暂时无法提供服务".
            return Success();
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var xml = WeChatPassiveReply.Render(reply, activity.Conversation.UserId, activity.Conversation.AccountId, now);
        if (cipher is not null)
        {
            xml = WeChatPassiveReply.Encrypt(xml, cipher, Options.Token, now, nonce);
        }

        return Results.Text(xml, "application/xml", Encoding.UTF8);
    }

    /// <summary>Asks the broker for the first reply; a broker that overruns the budget is cancelled and the answer is <c>success</c>.</summary>
    private async Task<OutboundMessage?> ClaimReplyAsync(string dedupeKey, TimeSpan remaining, CancellationToken cancellationToken)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(remaining + BrokerGrace);
        try
        {
            return await broker.TryClaimFirstReplyAsync(dedupeKey, remaining, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static IResult Success() => Results.Text("success", "text/plain", Encoding.UTF8);
}
