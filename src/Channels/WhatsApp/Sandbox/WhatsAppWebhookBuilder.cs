using System.Globalization;
using System.Text.Json.Nodes;

namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>Builds webhook payloads in Meta's envelope (channels.md A.4) for the sandbox's simulated patrons and receipts.</summary>
internal static class WhatsAppWebhookBuilder
{
    public const string SandboxBusinessAccountId = "100000000000002";

    public const string SandboxDisplayNumber = "15550001234";

    public static JsonObject Message(string phoneNumberId, string from, string? name, JsonObject message) =>
        Envelope(phoneNumberId, "messages", value =>
        {
            value["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name ?? from }, ["wa_id"] = from });
            value["messages"] = new JsonArray(message);
        });

    public static JsonObject InboundMessage(string from, string id, DateTimeOffset at, string type, JsonNode content, string? contextId = null)
    {
        var message = new JsonObject { ["from"] = from, ["id"] = id, ["timestamp"] = Unix(at), ["type"] = type, [type] = content };
        if (contextId is not null)
        {
            message["context"] = new JsonObject { ["from"] = SandboxDisplayNumber, ["id"] = contextId };
        }

        return message;
    }

    public static JsonObject Status(string phoneNumberId, string messageId, string recipient, string status, DateTimeOffset at) =>
        Envelope(phoneNumberId, "messages", value => value["statuses"] = new JsonArray(new JsonObject
        {
            ["id"] = messageId,
            ["status"] = status,
            ["timestamp"] = Unix(at),
            ["recipient_id"] = recipient,
            ["pricing"] = new JsonObject { ["billable"] = false, ["pricing_model"] = "PMP", ["category"] = "service" },
        }));

    /// <summary>A <c>failed</c> status as Meta sends it, with the error's code, title and details.</summary>
    public static JsonObject FailedStatus(string phoneNumberId, string messageId, string recipient, int code, string title, string details, DateTimeOffset at) =>
        Envelope(phoneNumberId, "messages", value => value["statuses"] = new JsonArray(new JsonObject
        {
            ["id"] = messageId,
            ["status"] = "failed",
            ["timestamp"] = Unix(at),
            ["recipient_id"] = recipient,
            ["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["title"] = title,
                ["message"] = title,
                ["error_data"] = new JsonObject { ["details"] = details },
            }),
        }));

    /// <summary>
    /// Meta's <c>user_preferences</c> webhook (outbound.md §1.8): the patron stopped or resumed marketing messages
    /// (<paramref name="value"/> <c>stop</c> or <c>resume</c>).
    /// </summary>
    public static JsonObject UserPreference(string phoneNumberId, string waId, string? name, string value, DateTimeOffset at) =>
        Envelope(phoneNumberId, "user_preferences", v =>
        {
            v["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name ?? waId }, ["wa_id"] = waId });
            v["user_preferences"] = new JsonArray(new JsonObject
            {
                ["wa_id"] = waId,
                ["detail"] = value == "stop" ? "User requested to stop marketing messages" : "User requested to resume marketing messages",
                ["category"] = "marketing_messages",
                ["value"] = value,
                ["timestamp"] = at.ToUnixTimeSeconds(),
            });
        });

    private static JsonObject Envelope(string phoneNumberId, string field, Action<JsonObject> fill)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = SandboxDisplayNumber, ["phone_number_id"] = phoneNumberId },
        };
        fill(value);
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = SandboxBusinessAccountId,
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = field }),
            }),
        };
    }

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
