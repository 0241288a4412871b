using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LibraryBot.Channels.WhatsApp;

namespace LibraryBot.Bot.Tests.Support;

/// <summary>Builds Meta-shaped webhook bodies and posts them signed with the app secret, as Meta does.</summary>
public static class WhatsAppWebhook
{
    public const string Path = "/webhooks/whatsapp";

    public static string TextBody(string from, string text, string? wamid = null, long? timestamp = null) =>
        new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "WABA-1",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550000000", ["phone_number_id"] = WhatsAppSandboxDefaults.PhoneNumberId },
                        ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Ana" }, ["wa_id"] = from }),
                        ["messages"] = new JsonArray(new JsonObject
                        {
                            ["from"] = from,
                            ["id"] = wamid ?? "wamid." + Guid.NewGuid().ToString("N"),
                            ["timestamp"] = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture),
                            ["type"] = "text",
                            ["text"] = new JsonObject { ["body"] = text },
                        }),
                    },
                }),
            }),
        }.ToJsonString();

    /// <summary>A "failed" delivery receipt for a message the business sent, with Meta's error code.</summary>
    public static string FailedStatusBody(string recipient, string messageId, int code, string title) =>
        new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "WABA-1",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550000000", ["phone_number_id"] = WhatsAppSandboxDefaults.PhoneNumberId },
                        ["statuses"] = new JsonArray(new JsonObject
                        {
                            ["id"] = messageId,
                            ["status"] = "failed",
                            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                            ["recipient_id"] = recipient,
                            ["errors"] = new JsonArray(new JsonObject
                            {
                                ["code"] = code,
                                ["title"] = title,
                                ["message"] = title,
                                ["error_data"] = new JsonObject { ["details"] = title },
                            }),
                        }),
                    },
                }),
            }),
        }.ToJsonString();

    public static string Sign(string body, string secret = WhatsAppSandboxDefaults.AppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string? signature = "") =>
        PostBytesAsync(http, Encoding.UTF8.GetBytes(body), signature == string.Empty ? Sign(body) : signature);

    public static Task<HttpResponseMessage> PostBytesAsync(HttpClient http, byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        // Large bodies wait for the server's go-ahead, so a refusal (413) is read rather than cut off mid-upload.
        request.Headers.ExpectContinue = body.Length > 64 * 1024;
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        }

        return http.SendAsync(request);
    }
}
