using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.Sms.Webhooks;

/// <summary>
/// <c>POST /webhooks/sms</c> (an inbound SMS) and <c>POST /webhooks/sms/status</c> (a status callback). Each checks
/// <c>X-Twilio-Signature</c> before anything is stored (401 otherwise), stores the activity durably through the inbound
/// sink, then answers: empty TwiML to an inbound SMS, so Twilio sends no reply of its own (ours go through the outbox).
/// </summary>
internal static class SmsWebhookEndpoints
{
    public const string Path = "/webhooks/sms";

    public const string StatusPath = "/webhooks/sms/status";

    public const string LoggerName = "LibraryBot.Channels.Sms";

    private const string EmptyTwiml = """<?xml version="1.0" encoding="UTF-8"?><Response/>""";

    public static async Task<IResult> ReceiveAsync(
        HttpRequest request, SmsSettings settings, IInboundSink sink, ChannelMetrics metrics, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var span = ChannelMetrics.StartWebhookSpan(ChannelId.Sms);
        var logger = loggers.CreateLogger(LoggerName);
        var (form, rejection) = await ReadSignedAsync(request, settings, metrics, span, logger, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }

        Activity activity;
        try
        {
            activity = SmsActivityMapper.Inbound(form, settings, time.GetUtcNow());
        }
        catch (SmsPayloadException e)
        {
            metrics.Refused(ChannelId.Sms, WebhookRefusal.Malformed, span);
            return Reject(logger, StatusCodes.Status400BadRequest, "Malformed webhook", e.Message);
        }

        var acceptance = await sink.AcceptAsync([activity], cancellationToken);
        SmsLog.WebhookAccepted(logger, 1, acceptance.Accepted, acceptance.Duplicates);
        metrics.Accepted(ChannelId.Sms, acceptance, span);
        return Results.Text(EmptyTwiml, "text/xml", System.Text.Encoding.UTF8);
    }

    public static async Task<IResult> StatusAsync(
        HttpRequest request, SmsSettings settings, IInboundSink sink, ChannelMetrics metrics, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var span = ChannelMetrics.StartWebhookSpan(ChannelId.Sms);
        var logger = loggers.CreateLogger(LoggerName);
        var (form, rejection) = await ReadSignedAsync(request, settings, metrics, span, logger, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }

        Activity? activity;
        string status;
        try
        {
            activity = SmsActivityMapper.Status(form, settings, time.GetUtcNow(), out status);
        }
        catch (SmsPayloadException e)
        {
            // A status Twilio adds later, or a callback without what we need: logged and acknowledged, never refused.
            SmsLog.StatusSkipped(logger, e.Message);
            metrics.Accepted(ChannelId.Sms, null, span);
            return Results.Ok();
        }

        if (activity is null)
        {
            SmsLog.StatusIgnored(logger, status, SmsLog.Hash(form["MessageSid"]));
            metrics.Accepted(ChannelId.Sms, null, span);
            return Results.Ok();
        }

        var acceptance = await sink.AcceptAsync([activity], cancellationToken);
        SmsLog.WebhookAccepted(logger, 1, acceptance.Accepted, acceptance.Duplicates);
        metrics.Accepted(ChannelId.Sms, acceptance, span);
        return Results.Ok();
    }

    /// <summary>
    /// The URL Twilio signed: <c>Channels:Sms:WebhookBaseUrl</c> when set, else this request's scheme and host (already
    /// the public ones when X-Forwarded-* come from a configured proxy), with the path and query as requested.
    /// </summary>
    internal static string SignedUrl(HttpRequest request, SmsSettings settings) =>
        (settings.WebhookBaseUrl ?? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}")
        + request.Path.Value + request.QueryString.Value;

    private static async Task<(TwilioForm? Form, IResult? Rejection)> ReadSignedAsync(
        HttpRequest request, SmsSettings settings, ChannelMetrics metrics, System.Diagnostics.Activity? span, ILogger logger, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            metrics.Refused(ChannelId.Sms, WebhookRefusal.PayloadTooLarge, span);
            return (null, Reject(logger, StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The webhook body is larger than the {settings.MaxBodyBytes} bytes allowed (Channels:Sms:MaxBodyBytes)."));
        }

        var form = TwilioForm.Parse(body.Value);
        var signature = request.Headers[TwilioSignature.HeaderName].FirstOrDefault();
        if (form is null || !TwilioSignature.IsValid(SignedUrl(request, settings), form.Pairs, signature, settings.AuthToken))
        {
            metrics.Refused(ChannelId.Sms, WebhookRefusal.InvalidSignature, span);
            return (null, Reject(logger, StatusCodes.Status401Unauthorized, "Invalid signature",
                $"The {TwilioSignature.HeaderName} header is missing or does not match this URL and the form parameters signed with the auth token (behind a proxy, set Channels:Sms:WebhookBaseUrl to the public address)."));
        }

        return (form, null);
    }

    private static IResult Reject(ILogger logger, int status, string title, string detail)
    {
        SmsLog.WebhookRejected(logger, title);
        return Results.Problem(detail, statusCode: status, title: title);
    }
}
