using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Abstractions;
using Polly;

namespace LibraryBot.Channels.Sms.Sending;

/// <summary>
/// Creates one message through <see cref="ITwilioMessagesApi"/> and turns the answer (Twilio's message JSON, its
/// error JSON, a transport failure) into a <see cref="SendOutcome"/>. A created message whose JSON already says
/// <c>failed</c> or <c>undelivered</c> is mapped by its <c>error_code</c> like a failed status callback.
/// </summary>
internal sealed class TwilioMessagesClient(ITwilioMessagesApi api, SmsSettings settings)
{
    public async Task<SendOutcome> CreateAsync(string from, string? messagingServiceSid, string to, string body, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal) { ["To"] = to, ["Body"] = body };
        if (SmsNumbers.IsE164(from))
        {
            form["From"] = from;
        }

        if (messagingServiceSid is not null)
        {
            form["MessagingServiceSid"] = messagingServiceSid;
        }

        if (settings.StatusCallback is { } callback)
        {
            form["StatusCallback"] = callback;
        }

        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}"));
        try
        {
            using var response = await api.CreateMessageAsync(settings.AccountSid, form, credentials, cancellationToken);
            var json = TryParse(await response.Content.ReadAsStringAsync(cancellationToken));
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var sid = Text(json?["sid"]);
                var state = Text(json?["status"]);
                if (sid is null)
                {
                    return SendOutcome.Retry($"Twilio answered HTTP {status} without a message sid.");
                }

                return state is "failed" or "undelivered"
                    ? SmsErrorMap.ToOutcome(Number(json?["error_code"]), SmsLog.Scrub(Text(json?["error_message"])))
                    : SendOutcome.Sent(sid);
            }

            return SmsErrorMap.ToOutcome(Number(json?["code"]), SmsLog.Scrub(Text(json?["message"])), status);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && e is HttpRequestException or TaskCanceledException or ExecutionRejectedException or Refit.ApiRequestException)
        {
            return e is TaskCanceledException or Polly.Timeout.TimeoutRejectedException
                ? SendOutcome.Retry("Twilio did not answer in time.")
                : SendOutcome.Retry($"Twilio could not be reached ({e.GetType().Name}).");
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Number(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<int>(out var n) ? n : v.TryGetValue<string>(out var s) && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null
        : null;

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
