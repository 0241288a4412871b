using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.WhatsApp.Webhooks;

/// <summary><c>GET</c> and <c>POST /webhooks/whatsapp</c>: Meta's verify handshake and signed notifications.</summary>
internal static class WhatsAppWebhookEndpoints
{
    public const string Path = "/webhooks/whatsapp";

    public const string LoggerName = "LibraryBot.Channels.WhatsApp";

    public static IResult Verify(HttpRequest request, WhatsAppSettings settings, ChannelMetrics metrics, ILoggerFactory loggers)
    {
        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        var tokenMatches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(token)), SHA256.HashData(Encoding.UTF8.GetBytes(settings.VerifyToken)));
        if (mode == "subscribe" && tokenMatches && challenge.Length > 0)
        {
            return Results.Text(challenge, "text/plain", Encoding.UTF8);
        }

        WhatsAppLog.VerifyRefused(loggers.CreateLogger(LoggerName), mode);
        metrics.Refused(ChannelId.WhatsApp, WebhookRefusal.VerificationFailed, null);
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    public static async Task<IResult> ReceiveAsync(
        HttpRequest request, WhatsAppSettings settings, IInboundSink sink, ChannelMetrics metrics, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var span = ChannelMetrics.StartWebhookSpan(ChannelId.WhatsApp);
        var logger = loggers.CreateLogger(LoggerName);
        var read = await RequestBodyReader.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (read is not { } body)
        {
            metrics.Refused(ChannelId.WhatsApp, WebhookRefusal.PayloadTooLarge, span);
            return Reject(logger, StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The webhook body is larger than the {settings.MaxBodyBytes} bytes allowed (Channels:WhatsApp:MaxBodyBytes).");
        }

        if (!WhatsAppSignature.IsValid(body.Span, request.Headers[WhatsAppSignature.HeaderName].FirstOrDefault(), settings.AppSecret))
        {
            metrics.Refused(ChannelId.WhatsApp, WebhookRefusal.InvalidSignature, span);
            return Reject(logger, StatusCodes.Status401Unauthorized, "Invalid signature", $"The {WhatsAppSignature.HeaderName} header is missing or does not match the body signed with the app secret.");
        }

        IReadOnlyList<LibraryBot.Channels.Activities.Activity> activities;
        try
        {
            var payload = JsonSerializer.Deserialize<WebhookPayload>(body.Span, WebhookPayload.JsonOptions)
                ?? throw new WhatsAppPayloadException("The body is JSON null, not a webhook object.");
            activities = WhatsAppActivityMapper.Map(payload, logger);
        }
        catch (JsonException e)
        {
            metrics.Refused(ChannelId.WhatsApp, WebhookRefusal.Malformed, span);
            return Reject(logger, StatusCodes.Status400BadRequest, "Malformed webhook", $"The body is not a WhatsApp webhook JSON object ({e.Message}).");
        }
        catch (WhatsAppPayloadException e)
        {
            metrics.Refused(ChannelId.WhatsApp, WebhookRefusal.Malformed, span);
            return Reject(logger, StatusCodes.Status400BadRequest, "Malformed webhook", e.Message);
        }

        InboundAcceptance? acceptance = null;
        if (activities.Count > 0)
        {
            acceptance = await sink.AcceptAsync(activities, cancellationToken);
            WhatsAppLog.WebhookAccepted(logger, activities.Count, acceptance.Accepted, acceptance.Duplicates);
            if (settings.SandboxEnabled && request.HttpContext.RequestServices.GetService<Sandbox.WhatsAppSandboxStore>() is { } sandbox)
            {
                // The fake Graph API, like Meta, knows when each patron last wrote (for the 24-hour window).
                foreach (var activity in activities.Where(a => a.Type is not (ActivityType.DeliveryStatus or ActivityType.Event)))
                {
                    sandbox.NoteInbound(activity.Conversation.UserId, activity.Timestamp);
                }
            }
        }

        metrics.Accepted(ChannelId.WhatsApp, acceptance, span);
        return Results.Ok();
    }

    private static IResult Reject(ILogger logger, int status, string title, string detail)
    {
        WhatsAppLog.WebhookRejected(logger, title);
        return Results.Problem(detail, statusCode: status, title: title);
    }
}
