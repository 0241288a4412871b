using System.Text.Json;
using System.Text.Json.Serialization;

namespace LibraryBot.Channels.WhatsApp.Webhooks;

// Meta's webhook envelope (channels.md A.4), only the fields we map. Timestamps and coordinates are read from numbers or
// strings alike; unknown fields are ignored.

internal sealed record WebhookPayload(string? Object, List<WebhookEntry>? Entry)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        MaxDepth = 32,
    };
}

internal sealed record WebhookEntry(string? Id, List<WebhookChange>? Changes);

internal sealed record WebhookChange(string? Field, WebhookValue? Value);

internal sealed record WebhookValue(
    WebhookMetadata? Metadata,
    List<WebhookContact>? Contacts,
    List<InboundMessage>? Messages,
    List<WebhookStatus>? Statuses,
    List<WebhookError>? Errors,
    List<UserPreference>? UserPreferences);

internal sealed record WebhookMetadata(string? DisplayPhoneNumber, string? PhoneNumberId);

internal sealed record WebhookContact(ContactProfile? Profile, string? WaId, string? UserId);

internal sealed record ContactProfile(string? Name);

internal sealed record InboundMessage(
    string? From,
    string? FromUserId,
    string? Id,
    long? Timestamp,
    string? Type,
    MessageContext? Context,
    TextBody? Text,
    InteractiveReply? Interactive,
    TemplateButtonReply? Button,
    LocationBody? Location,
    MediaBody? Image,
    MediaBody? Video,
    MediaBody? Audio,
    MediaBody? Document,
    MediaBody? Sticker,
    ReactionBody? Reaction);

internal sealed record MessageContext(string? From, string? Id);

internal sealed record TextBody(string? Body);

internal sealed record InteractiveReply(string? Type, ChoiceReplyBody? ButtonReply, ChoiceReplyBody? ListReply);

internal sealed record ChoiceReplyBody(string? Id, string? Title, string? Description);

internal sealed record TemplateButtonReply(string? Text, string? Payload);

internal sealed record LocationBody(double? Latitude, double? Longitude, string? Name, string? Address);

internal sealed record MediaBody(string? Id, string? MimeType, string? Caption, string? Filename, bool? Voice);

internal sealed record ReactionBody(string? MessageId, string? Emoji);

internal sealed record WebhookStatus(
    string? Id,
    string? Status,
    long? Timestamp,
    string? RecipientId,
    string? RecipientUserId,
    List<WebhookError>? Errors);

internal sealed record WebhookError(int Code, string? Title, string? Message, WebhookErrorData? ErrorData);

internal sealed record WebhookErrorData(string? Details);

internal sealed record UserPreference(string? WaId, string? UserId, string? Category, string? Value, long? Timestamp);
