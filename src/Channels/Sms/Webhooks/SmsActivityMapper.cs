using LibraryBot.Channels.Activities;
using LibraryBot.Channels.WhatsApp.Webhooks;

namespace LibraryBot.Channels.Sms.Webhooks;

/// <summary>
/// Maps Twilio's webhook parameters to activities: an inbound SMS (or MMS) to a message, a status callback to a
/// delivery status. Twilio's inbound webhooks carry no timestamp, so the time of receipt stands for it.
/// </summary>
internal static class SmsActivityMapper
{
    /// <summary>Inbound message: <c>MessageSid</c>, <c>From</c> (the patron), <c>To</c> (our number), <c>Body</c>, <c>NumMedia</c>, <c>MediaUrl0</c>….</summary>
    public static Activity Inbound(TwilioForm form, SmsSettings settings, DateTimeOffset now)
    {
        var sid = Required(form["MessageSid"], "MessageSid");
        var patron = Number(form["From"], "From");
        var library = Number(form["To"], "To");
        var activity = new Activity
        {
            Conversation = new ConversationRef(ChannelId.Sms, settings.AccountIdFor(library, form["MessagingServiceSid"]), patron),
            Type = ActivityType.Message,
            DedupeKey = sid,
            Timestamp = now,
            Text = form["Body"] ?? string.Empty,
            LocaleHint = WhatsAppLocaleHint.FromPhoneNumber(SmsNumbers.Digits(patron)),
        };
        var mediaCount = int.TryParse(form["NumMedia"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (mediaCount > 0 && form["MediaUrl0"] is { Length: > 0 } url)
        {
            var type = form["MediaContentType0"];
            return activity with
            {
                Type = ActivityType.Media,
                Media = new MediaRef(Kind(type), url, type, string.IsNullOrEmpty(activity.Text) ? null : activity.Text),
            };
        }

        return activity;
    }

    /// <summary>
    /// Status callback: <c>MessageSid</c>, <c>MessageStatus</c>, <c>ErrorCode</c>, <c>To</c> (the patron), <c>From</c>
    /// (our number). Null for a status that needs no action (queued, sending…); <paramref name="status"/> says which.
    /// </summary>
    public static Activity? Status(TwilioForm form, SmsSettings settings, DateTimeOffset now, out string status)
    {
        var sid = Required(form["MessageSid"] ?? form["SmsSid"], "MessageSid");
        status = Required(form["MessageStatus"] ?? form["SmsStatus"], "MessageStatus");
        DeliveryState? state = status switch
        {
            "sent" => DeliveryState.Sent,
            "delivered" => DeliveryState.Delivered,
            "read" => DeliveryState.Read,
            "undelivered" or "failed" => DeliveryState.Failed,
            "accepted" or "scheduled" or "queued" or "sending" or "canceled" or "receiving" or "received" => null,
            _ => throw new SmsPayloadException($"MessageStatus \"{(status.Length <= 20 && status.All(char.IsAsciiLetter) ? status : "(not a word)")}\" is not one Twilio documents."),
        };
        if (state is null)
        {
            return null;
        }

        var patron = Number(form["To"], "To");
        var library = form["From"] is { Length: > 0 } from ? from : settings.AccountId;
        var errorCode = form["ErrorCode"] is { Length: > 0 } code ? code : null;
        return new Activity
        {
            Conversation = new ConversationRef(ChannelId.Sms, settings.AccountIdFor(library, form["MessagingServiceSid"]), patron),
            Type = ActivityType.DeliveryStatus,
            DedupeKey = $"{sid}:{status}",
            Timestamp = now,
            Status = new DeliveryStatus(sid, state.Value, state == DeliveryState.Failed ? errorCode ?? "unknown" : errorCode,
                state == DeliveryState.Failed ? $"Twilio reported the message {status}" + (errorCode is null ? "" : $" (error {errorCode})") : null),
        };
    }

    private static MediaKind Kind(string? contentType) => contentType switch
    {
        not null when contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) => MediaKind.Image,
        not null when contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) => MediaKind.Video,
        not null when contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) => MediaKind.Audio,
        _ => MediaKind.Document,
    };

    private static string Number(string? value, string field) =>
        SmsNumbers.IsE164(value) ? value! : throw new SmsPayloadException($"{field} is missing or not an E.164 number.");

    private static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw new SmsPayloadException($"{field} is missing.") : value;
}
