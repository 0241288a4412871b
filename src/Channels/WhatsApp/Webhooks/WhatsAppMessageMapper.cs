using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.WhatsApp.Webhooks;

/// <summary>Maps one inbound <c>messages[]</c> item to an activity, by type (channels.md A.4).</summary>
internal static class WhatsAppMessageMapper
{
    public static Activity Map(InboundMessage message, string accountId, List<WebhookContact>? contacts, ILogger logger)
    {
        var user = message.From ?? message.FromUserId ?? throw new WhatsAppPayloadException("messages[] needs \"from\" or \"from_user_id\".");
        var contact = contacts?.FirstOrDefault(c => (c.WaId is not null && c.WaId == message.From) || (c.UserId is not null && c.UserId == message.FromUserId))
            ?? (contacts is [var only] ? only : null);
        var activity = new Activity
        {
            Conversation = new ConversationRef(ChannelId.WhatsApp, accountId, user),
            Type = ActivityType.Message,
            DedupeKey = WhatsAppActivityMapper.Required(message.Id, "messages[].id"),
            Timestamp = WhatsAppActivityMapper.Time(message.Timestamp, "messages[].timestamp"),
            SenderName = contact?.Profile?.Name,
            AlternateUserId = message.From is null ? contact?.WaId : message.FromUserId ?? contact?.UserId,
            LocaleHint = WhatsAppLocaleHint.FromPhoneNumber(message.From ?? contact?.WaId),
            ReplyToChannelMessageId = message.Context?.Id,
        };
        var type = WhatsAppActivityMapper.Required(message.Type, "messages[].type");
        return type switch
        {
            "text" => activity with { Text = Part(message.Text, type).Body ?? "" },
            "interactive" => Interactive(activity, Part(message.Interactive, type)),
            "button" => activity with
            {
                Type = ActivityType.ChoiceReply,
                ChoiceId = WhatsAppActivityMapper.Required(Part(message.Button, type).Payload, "messages[].button.payload"),
                Text = message.Button!.Text,
            },
            "location" => Location(activity, Part(message.Location, type)),
            "image" => Media(activity, MediaKind.Image, Part(message.Image, type)),
            "video" => Media(activity, MediaKind.Video, Part(message.Video, type)),
            "document" => Media(activity, MediaKind.Document, Part(message.Document, type)),
            "sticker" => Media(activity, MediaKind.Sticker, Part(message.Sticker, type)),
            "audio" => Media(activity, Part(message.Audio, type).Voice == true ? MediaKind.Voice : MediaKind.Audio, message.Audio!),
            "reaction" => activity with
            {
                Type = ActivityType.Event,
                Event = new ChannelEvent(ChannelEventKind.Reaction, Part(message.Reaction, type).Emoji ?? ""),
                ReplyToChannelMessageId = WhatsAppActivityMapper.Required(message.Reaction!.MessageId, "messages[].reaction.message_id"),
            },
            _ => Unsupported(activity, type, logger),
        };
    }

    private static Activity Interactive(Activity activity, InteractiveReply interactive)
    {
        var reply = interactive.Type switch
        {
            "button_reply" => interactive.ButtonReply,
            "list_reply" => interactive.ListReply,
            _ => null,
        } ?? throw new WhatsAppPayloadException("messages[].interactive needs a button_reply or list_reply matching its type.");
        return activity with
        {
            Type = ActivityType.ChoiceReply,
            ChoiceId = WhatsAppActivityMapper.Required(reply.Id, $"messages[].interactive.{interactive.Type}.id"),
            Text = reply.Title,
        };
    }

    private static Activity Location(Activity activity, LocationBody location)
    {
        if (location.Latitude is not { } latitude || location.Longitude is not { } longitude
            || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            throw new WhatsAppPayloadException("messages[].location needs latitude and longitude in range.");
        }

        return activity with
        {
            Type = ActivityType.Location,
            Location = new GeoLocation(latitude, longitude, location.Name, location.Address),
        };
    }

    private static Activity Media(Activity activity, MediaKind kind, MediaBody media) => activity with
    {
        Type = ActivityType.Media,
        Text = media.Caption,
        Media = new MediaRef(kind, WhatsAppActivityMapper.Required(media.Id, "messages[] media id"), media.MimeType, media.Caption, media.Filename),
    };

    private static Activity Unsupported(Activity activity, string type, ILogger logger)
    {
        WhatsAppLog.UnsupportedMessage(logger, type, WhatsAppLog.Hash(activity.Conversation.UserId));
        return activity with { Type = ActivityType.Event, Event = new ChannelEvent(ChannelEventKind.Unsupported, type) };
    }

    private static T Part<T>(T? part, string type)
        where T : class =>
        part ?? throw new WhatsAppPayloadException($"messages[] of type \"{type}\" has no \"{type}\" object.");
}
