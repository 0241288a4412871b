using System.Text.Json;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Abstractions;

namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>
/// Posts one body to <c>/{version}/{phone-number-id}/messages</c>: checks it against Meta's limits first, waits for the
/// shared rate limiter, and turns the answer (success, Meta error JSON, transport failure) into a <see cref="SendOutcome"/>.
/// </summary>
internal sealed class WhatsAppGraphClient(IWhatsAppGraphApi api, WhatsAppSettings settings, WhatsAppRateLimiter limiter)
{
    public async Task<SendOutcome> PostAsync(JsonObject body, CancellationToken cancellationToken)
    {
        if (WhatsAppBodyValidator.Validate(body) is { } problem)
        {
            return SendOutcome.Failed($"The message breaks a WhatsApp limit and was not sent: {problem.Details}", "body");
        }

        await limiter.WaitAsync(cancellationToken);
        try
        {
            using var response = await api.SendAsync(settings.ApiVersion, settings.PhoneNumberId, body, settings.AccessToken, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = TryParse(text);
            if (response.IsSuccessStatusCode)
            {
                var id = json?["messages"]?[0]?["id"]?.GetValue<string>();
                return id is not null || json?["success"]?.GetValue<bool>() == true
                    ? SendOutcome.Sent(id ?? "")
                    : SendOutcome.Retry($"WhatsApp answered HTTP {(int)response.StatusCode} without a message id.");
            }

            var error = json?["error"];
            var code = error?["code"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : (int?)null;
            var details = error?["error_data"]?["details"] is JsonValue d && d.TryGetValue<string>(out var s) ? s : null;
            var message = error?["message"] is JsonValue m && m.TryGetValue<string>(out var t) ? t : null;
            return WhatsAppErrorMap.ToOutcome(code, details is null ? message : $"{message} ({details})", (int)response.StatusCode);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTransport(e))
        {
            return e is TaskCanceledException || e.InnerException is TaskCanceledException
                ? SendOutcome.Retry("WhatsApp did not answer in time.")
                : SendOutcome.Retry($"WhatsApp could not be reached: {(e.InnerException ?? e).Message}");
        }
    }

    private static bool IsTransport(Exception e) => e is HttpRequestException or TaskCanceledException or Refit.ApiRequestException;

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
