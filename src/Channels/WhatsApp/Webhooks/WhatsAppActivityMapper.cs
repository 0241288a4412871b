using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.WhatsApp.Webhooks;

/// <summary>
/// Maps every entry, change, message, status and preference of a webhook to <see cref="Activity"/> records. A body
/// that is not a WhatsApp webhook at all throws <see cref="WhatsAppPayloadException"/> (400). One item Meta extended
/// or sent incomplete — a delivery status value added later, a preference other than stop/resume, an interactive reply
/// of a new kind, a message without its id — is logged (its kind, never its content) and skipped: the rest of the
/// batch, such as a patron's message next to it, is still processed.
/// </summary>
internal static class WhatsAppActivityMapper
{
    public static IReadOnlyList<Activity> Map(WebhookPayload payload, ILogger logger)
    {
        if (payload.Object != "whatsapp_business_account")
        {
            throw new WhatsAppPayloadException("\"object\" must be \"whatsapp_business_account\".");
        }

        if (payload.Entry is null)
        {
            throw new WhatsAppPayloadException("\"entry\" must be an array.");
        }

        var activities = new List<Activity>();
        foreach (var change in payload.Entry.SelectMany(e => e?.Changes ?? throw new WhatsAppPayloadException("entry[].changes must be an array.")))
        {
            var value = change?.Value ?? throw new WhatsAppPayloadException("entry[].changes[].value is missing.");
            var account = value.Metadata?.PhoneNumberId;
            foreach (var error in (value.Errors ?? []).OfType<WebhookError>())
            {
                WhatsAppLog.ChannelError(logger, error.Code, WhatsAppLog.Hash(account), error.Title ?? error.Message);
            }

            switch (change.Field)
            {
                case "messages":
                    var accountId = account ?? throw new WhatsAppPayloadException("value.metadata.phone_number_id is missing.");
                    activities.AddRange(Each(value.Messages, "messages[]", logger, m => WhatsAppMessageMapper.Map(m, accountId, value.Contacts, logger)));
                    activities.AddRange(Each(value.Statuses, "statuses[]", logger, s => MapStatus(s, accountId)));
                    break;
                case "user_preferences":
                    activities.AddRange(Each(value.UserPreferences, "user_preferences[]", logger, p => MapPreference(p, value)));
                    break;
                default:
                    WhatsAppLog.FieldIgnored(logger, change.Field ?? "(none)");
                    break;
            }
        }

        return activities;
    }

    /// <summary>Maps each item, skipping (and logging) one that cannot be mapped instead of refusing the whole batch.</summary>
    private static IEnumerable<Activity> Each<T>(IEnumerable<T?>? items, string field, ILogger logger, Func<T, Activity> map)
        where T : class
    {
        foreach (var item in items ?? [])
        {
            Activity? activity = null;
            try
            {
                activity = map(NotNull(item, field));
            }
            catch (WhatsAppPayloadException ex)
            {
                WhatsAppLog.ItemSkipped(logger, field, ex.Message);
            }

            if (activity is not null)
            {
                yield return activity;
            }
        }
    }

    private static Activity MapStatus(WebhookStatus status, string accountId)
    {
        var id = Required(status.Id, "statuses[].id");
        var name = Required(status.Status, "statuses[].status");
        var state = name switch
        {
            "sent" => DeliveryState.Sent,
            "delivered" => DeliveryState.Delivered,
            "read" or "played" => DeliveryState.Read,
            "failed" => DeliveryState.Failed,
            _ => throw new WhatsAppPayloadException($"statuses[].status \"{name}\" is not sent, delivered, read, played or failed."),
        };
        var error = status.Errors?.FirstOrDefault();
        var user = status.RecipientId ?? status.RecipientUserId ?? throw new WhatsAppPayloadException("statuses[].recipient_id is missing.");
        return new Activity
        {
            Conversation = new ConversationRef(ChannelId.WhatsApp, accountId, user),
            Type = ActivityType.DeliveryStatus,
            DedupeKey = $"{id}:{name}",
            Timestamp = Time(status.Timestamp, "statuses[].timestamp"),
            AlternateUserId = status.RecipientId is null ? null : status.RecipientUserId,
            Status = new DeliveryStatus(id, state, error?.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorText(error)),
        };
    }

    private static Activity MapPreference(UserPreference preference, WebhookValue value)
    {
        var accountId = Required(value.Metadata?.PhoneNumberId, "value.metadata.phone_number_id");
        var user = preference.WaId ?? preference.UserId ?? throw new WhatsAppPayloadException("user_preferences[].wa_id is missing.");
        var kind = preference.Value switch
        {
            "stop" => ChannelEventKind.MarketingOptOut,
            "resume" => ChannelEventKind.MarketingOptIn,
            _ => throw new WhatsAppPayloadException($"user_preferences[].value \"{preference.Value}\" is not stop or resume."),
        };
        var timestamp = Time(preference.Timestamp, "user_preferences[].timestamp");
        return new Activity
        {
            Conversation = new ConversationRef(ChannelId.WhatsApp, accountId, user),
            Type = ActivityType.Event,
            DedupeKey = $"pref:{user}:{preference.Category}:{preference.Value}:{timestamp.ToUnixTimeSeconds()}",
            Timestamp = timestamp,
            AlternateUserId = preference.WaId is null ? null : preference.UserId,
            Event = new ChannelEvent(kind, preference.Category),
            LocaleHint = WhatsAppLocaleHint.FromPhoneNumber(preference.WaId),
        };
    }

    internal static string? ErrorText(WebhookError? error)
    {
        if (error is null)
        {
            return null;
        }

        var text = error.Message ?? error.Title;
        return error.ErrorData?.Details is { Length: > 0 } details ? $"{text}: {details}" : text;
    }

    private static T NotNull<T>(T? item, string field)
        where T : class =>
        item ?? throw new WhatsAppPayloadException($"{field} items must be objects.");

    internal static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw new WhatsAppPayloadException($"{field} is missing.") : value;

    internal static DateTimeOffset Time(long? unixSeconds, string field) =>
        unixSeconds is { } s and > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : throw new WhatsAppPayloadException($"{field} must be unix seconds.");
}
