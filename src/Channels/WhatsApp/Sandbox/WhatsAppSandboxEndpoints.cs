using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LibraryBot.Channels.WhatsApp.Sending;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>
/// The sandbox (only mapped when <c>Sandbox:Enabled</c>): a fake Graph API that checks tokens and bodies like Meta,
/// records what it accepts and sends signed receipts back; a patron simulator; and a read-out of what was sent.
/// </summary>
internal static class WhatsAppSandboxEndpoints
{
    private const int MaxAnswerRelayed = 2000;

    private const int TemplateDoesNotExist = 132001;

    private const int ParameterCountMismatch = 132000;

    public static async Task<IResult> MessagesAsync(
        string version, string phoneNumberId, HttpRequest request, WhatsAppSettings settings, WhatsAppSandboxStore store,
        WhatsAppSandboxMarketing marketing, WhatsAppSandboxWebhookPoster poster, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(Webhooks.WhatsAppWebhookEndpoints.LoggerName);
        var expected = Encoding.UTF8.GetBytes("Bearer " + settings.AccessToken);
        var given = Encoding.UTF8.GetBytes(request.Headers.Authorization.ToString());
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), SHA256.HashData(expected)))
        {
            return Error(logger, StatusCodes.Status401Unauthorized, 190, "Invalid OAuth access token - Cannot parse access token", null);
        }

        if (phoneNumberId != settings.PhoneNumberId || !version.StartsWith('v'))
        {
            return Error(logger, StatusCodes.Status400BadRequest, 100, $"Unsupported post request. Object with ID '{phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", null);
        }

        if (request.ContentLength > settings.MaxBodyBytes)
        {
            return Error(logger, StatusCodes.Status413PayloadTooLarge, 100, "(#100) The request body is too large", null);
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return Error(logger, StatusCodes.Status400BadRequest, 100, "(#100) Invalid JSON in the request body", null);
        }

        if (WhatsAppBodyValidator.Validate(body) is { } problem)
        {
            var title = problem.Code == 100 ? "(#100) Invalid parameter" : $"(#{problem.Code}) Parameter value is not valid";
            return Error(logger, StatusCodes.Status400BadRequest, problem.Code, title, problem.Details);
        }

        if (body!["status"] is not null)
        {
            return Results.Json(new JsonObject { ["success"] = true });
        }

        var to = (string)body["to"]!;
        if ((string?)body["type"] != "template" && store.WindowClosed(to))
        {
            return Error(logger, StatusCodes.Status400BadRequest, WhatsAppErrorMap.ReEngagementRequired, "(#131047) Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
        }

        var failure = store.IsNotOnWhatsApp(to) ? WhatsAppSandboxFailure.NotOnWhatsApp : null;
        if (body["template"] is JsonObject template)
        {
            var name = (string)template["name"]!;
            var code = (string)template["language"]!["code"]!;
            if (WhatsAppSandboxTemplates.Find(settings, name, code) is not { } known)
            {
                return Error(logger, StatusCodes.Status404NotFound, TemplateDoesNotExist, "(#132001) Template name does not exist in the translation",
                    $"template name ({name}) does not exist in {code}");
            }

            if (WhatsAppSandboxTemplates.BodyParameters(template) != known.Parameters)
            {
                return Error(logger, StatusCodes.Status400BadRequest, ParameterCountMismatch, "(#132000) Number of parameters does not match the expected number of params",
                    $"body: number of localizable_params ({WhatsAppSandboxTemplates.BodyParameters(template)}) does not match the expected number of params ({known.Parameters})");
            }

            if (failure is null && known.Category == WhatsAppTemplateCategory.Marketing)
            {
                failure = marketing.Admit(to);
            }
        }

        var record = store.Add(to, body, failure?.Code);
        WhatsAppLog.SandboxAccepted(logger, (string?)body["type"] ?? "text", WhatsAppLog.Hash(to));
        poster.QueueReceipts(record.MessageId, to, failure);
        return Results.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = record.MessageId, ["message_status"] = "accepted" }),
        });
    }

    public static async Task<IResult> SimulateAsync(
        WhatsAppSimulatedMessage message, WhatsAppSettings settings, WhatsAppSandboxStore store, WhatsAppSandboxWebhookPoster poster,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.From) || message.From.Length > 20 || !message.From.All(char.IsAsciiDigit))
        {
            return Results.Problem("\"from\" must be the patron's number as digits without +.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid simulated message");
        }

        var id = WhatsAppSandboxStore.NewMessageId();
        var now = time.GetUtcNow();
        JsonObject inbound;
        if (!string.IsNullOrEmpty(message.ChoiceId))
        {
            var offered = store.FindChoice(message.From, message.ChoiceId);
            var kind = offered is { IsListRow: true } ? "list_reply" : "button_reply";
            var reply = new JsonObject { ["id"] = message.ChoiceId, ["title"] = message.ChoiceTitle ?? message.ChoiceId };
            inbound = WhatsAppWebhookBuilder.InboundMessage(message.From, id, now, "interactive", new JsonObject { ["type"] = kind, [kind] = reply }, offered?.MessageId);
        }
        else if (message.Latitude is { } latitude && message.Longitude is { } longitude)
        {
            inbound = WhatsAppWebhookBuilder.InboundMessage(message.From, id, now, "location", new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude });
        }
        else if (!string.IsNullOrEmpty(message.Text))
        {
            inbound = WhatsAppWebhookBuilder.InboundMessage(message.From, id, now, "text", new JsonObject { ["body"] = message.Text });
        }
        else
        {
            return Results.Problem("Give \"text\", or \"choiceId\" (and \"choiceTitle\"), or \"latitude\" and \"longitude\".", statusCode: StatusCodes.Status400BadRequest, title: "Invalid simulated message");
        }

        var payload = WhatsAppWebhookBuilder.Message(settings.PhoneNumberId, message.From, message.Name, inbound);
        var (status, answer) = await poster.PostAsync(payload, cancellationToken);
        var result = new JsonObject { ["id"] = id, ["webhookStatus"] = status };
        if (status != StatusCodes.Status200OK)
        {
            // The webhook's own explanation (a problem document), for the simulator page to show.
            result["webhookAnswer"] = answer.Length > MaxAnswerRelayed ? answer[..MaxAnswerRelayed] : answer;
        }

        return Results.Json(result, statusCode: status == StatusCodes.Status200OK ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
    }

    /// <summary>Makes a number stop being a WhatsApp account in this fake (<c>{"number": "15551234567"}</c>): later sends to it fail with 131026.</summary>
    public static IResult NotOnWhatsApp(WhatsAppNumber request, WhatsAppSandboxStore store)
    {
        if (string.IsNullOrEmpty(request.Number) || request.Number.Length > 20 || !request.Number.All(char.IsAsciiDigit))
        {
            return Results.Problem("\"number\" must be the patron's number as digits without +.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid number");
        }

        store.MarkNotOnWhatsApp(request.Number);
        return Results.NoContent();
    }

    /// <summary>
    /// The patron taps "Stop" or "Resume" for offers and announcements (<c>{"from": "15551234567", "value": "stop"}</c>):
    /// the fake remembers it (later marketing templates fail with 131050 until resume) and posts Meta's signed
    /// <c>user_preferences</c> webhook to our webhook.
    /// </summary>
    public static async Task<IResult> MarketingPreferenceAsync(
        WhatsAppMarketingPreference request, WhatsAppSettings settings, WhatsAppSandboxMarketing marketing, WhatsAppSandboxWebhookPoster poster,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.From) || request.From.Length > 20 || !request.From.All(char.IsAsciiDigit))
        {
            return Results.Problem("\"from\" must be the patron's number as digits without +.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid marketing preference");
        }

        if (request.Value is not ("stop" or "resume"))
        {
            return Results.Problem("\"value\" must be \"stop\" or \"resume\".", statusCode: StatusCodes.Status400BadRequest, title: "Invalid marketing preference");
        }

        marketing.SetPreference(request.From, request.Value == "stop");
        var payload = WhatsAppWebhookBuilder.UserPreference(settings.PhoneNumberId, request.From, request.Name, request.Value, time.GetUtcNow());
        var (status, answer) = await poster.PostAsync(payload, cancellationToken);
        var result = new JsonObject { ["webhookStatus"] = status };
        if (status != StatusCodes.Status200OK)
        {
            result["webhookAnswer"] = answer.Length > MaxAnswerRelayed ? answer[..MaxAnswerRelayed] : answer;
        }

        return Results.Json(result, statusCode: status == StatusCodes.Status200OK ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
    }

    public static IResult Sent(string? to, long? after, WhatsAppSandboxStore store)
    {
        if (string.IsNullOrEmpty(to))
        {
            return Results.Problem("Give ?to={wa_id}.", statusCode: StatusCodes.Status400BadRequest, title: "Missing recipient");
        }

        var items = new JsonArray([.. store.After(to, after ?? 0).Select(r => (JsonNode)new JsonObject
        {
            ["seq"] = r.Sequence,
            ["id"] = r.MessageId,
            ["receivedAt"] = r.ReceivedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["body"] = r.Body.DeepClone(),
            ["errorCode"] = r.ErrorCode,
        })]);
        return Results.Json(items);
    }

    private static IResult Error(ILogger logger, int status, int code, string message, string? details)
    {
        WhatsAppLog.SandboxRejected(logger, code, details ?? message);
        var error = new JsonObject
        {
            ["message"] = message,
            ["type"] = "OAuthException",
            ["code"] = code,
            ["fbtrace_id"] = "Sandbox" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
        };
        if (details is not null)
        {
            error["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = details };
        }

        return Results.Json(new JsonObject { ["error"] = error }, statusCode: status);
    }
}
