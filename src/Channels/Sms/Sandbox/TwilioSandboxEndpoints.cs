using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Sms.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.Sms.Sandbox;

/// <summary>
/// The SMS sandbox (mapped only when <c>Sandbox:Enabled</c>): a fake of Twilio's Message resource that checks what we
/// rely on as Twilio does and answers in Twilio's JSON, then posts signed status callbacks; a patron simulator that
/// texts the bot through the real webhook; and a read-out of what was sent to a number.
/// </summary>
internal static class TwilioSandboxEndpoints
{
    private const int MaxAnswerRelayed = 2000;
    private const int MaxFormBytes = 64 * 1024;

    /// <summary><c>POST /sandbox/twilio/2010-04-01/Accounts/{accountSid}/Messages.json</c>.</summary>
    public static async Task<IResult> CreateMessageAsync(
        string accountSid, HttpRequest request, SmsSettings settings, TwilioSandboxStore store, TwilioSandboxPoster poster,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(SmsWebhookEndpoints.LoggerName);
        if (!Authenticated(request, accountSid, settings))
        {
            return Error(logger, StatusCodes.Status401Unauthorized, 20003, "Authenticate");
        }

        var body = await RequestBodyReader.ReadAsync(request, MaxFormBytes, cancellationToken);
        var form = body is null ? null : TwilioForm.Parse(body.Value);
        if (form is null)
        {
            return Error(logger, StatusCodes.Status400BadRequest, 21604, "A 'To' phone number is required.");
        }

        var to = form["To"];
        if (string.IsNullOrEmpty(to))
        {
            return Error(logger, StatusCodes.Status400BadRequest, 21604, "A 'To' phone number is required.");
        }

        if (!SmsNumbers.IsE164(to))
        {
            return Error(logger, StatusCodes.Status400BadRequest, 21211, $"The 'To' number {to} is not a valid phone number.");
        }

        var from = form["From"];
        var service = form["MessagingServiceSid"];
        if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(service))
        {
            return Error(logger, StatusCodes.Status400BadRequest, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
        }

        if (!string.IsNullOrEmpty(service))
        {
            // The fake has one number and no Messaging Service (docs/sms.md).
            return Error(logger, StatusCodes.Status400BadRequest, 21701, $"The Messaging Service Sid {service} is invalid.");
        }

        if (from != SmsSandboxDefaults.From)
        {
            return Error(logger, StatusCodes.Status400BadRequest, 21606, $"The From phone number {from} is not a valid, SMS-capable inbound phone number or short code for your account.");
        }

        var text = form["Body"];
        if (string.IsNullOrEmpty(text))
        {
            return Error(logger, StatusCodes.Status400BadRequest, 21602, "Message body is required.");
        }

        if (text.Length > 1600)
        {
            return Error(logger, StatusCodes.Status400BadRequest, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }

        if (store.IsOptedOut(to))
        {
            return Error(logger, StatusCodes.Status400BadRequest, 21610, "Attempt to send to unsubscribed recipient");
        }

        var record = store.Add(to, from, text);
        SmsLog.SandboxAccepted(logger, SmsLog.Hash(to));
        poster.QueueStatusCallbacks(form["StatusCallback"], record, null);
        var now = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        return Results.Json(new JsonObject
        {
            ["account_sid"] = settings.AccountSid,
            ["api_version"] = "2010-04-01",
            ["body"] = text,
            ["date_created"] = now,
            ["date_sent"] = null,
            ["date_updated"] = now,
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = from,
            ["messaging_service_sid"] = null,
            ["num_media"] = "0",
            ["num_segments"] = Segments(text).ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = record.Sid,
            ["status"] = "queued",
            ["subresource_uris"] = new JsonObject { ["media"] = $"/2010-04-01/Accounts/{settings.AccountSid}/Messages/{record.Sid}/Media.json" },
            ["to"] = to,
            ["uri"] = $"/2010-04-01/Accounts/{settings.AccountSid}/Messages/{record.Sid}.json",
        }, statusCode: StatusCodes.Status201Created);
    }

    /// <summary><c>POST /sandbox/sms/simulate</c>: a patron texts the library; Twilio's keyword handling applies first.</summary>
    public static async Task<IResult> SimulateAsync(
        SmsSimulatedMessage message, SmsSettings settings, TwilioSandboxStore store, TwilioSandboxPoster poster, CancellationToken cancellationToken)
    {
        if (!SmsNumbers.IsE164(message.From))
        {
            return Results.Problem("\"from\" must be the patron's number in E.164, like +15551234567.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid simulated message");
        }

        if (string.IsNullOrEmpty(message.Text) || message.Text.Length > 1600)
        {
            return Results.Problem("\"text\" must be 1 to 1600 characters.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid simulated message");
        }

        var from = message.From!;
        var library = SmsSandboxDefaults.From;
        if (TwilioKeywords.IsStop(message.Text))
        {
            store.SetOptedOut(from, true);
            store.Add(from, library, TwilioKeywords.StopReply, automatic: true);
        }
        else if (TwilioKeywords.IsStart(message.Text))
        {
            store.SetOptedOut(from, false);
            store.Add(from, library, TwilioKeywords.StartReply, automatic: true);
        }
        else if (TwilioKeywords.IsHelp(message.Text))
        {
            store.Add(from, library, TwilioKeywords.HelpReply, automatic: true);
        }

        var sid = TwilioSandboxStore.NewMessageSid();
        var form = new List<KeyValuePair<string, string>>
        {
            new("ToCountry", "US"),
            new("SmsMessageSid", sid),
            new("NumMedia", "0"),
            new("SmsSid", sid),
            new("SmsStatus", "received"),
            new("Body", message.Text),
            new("To", library),
            new("NumSegments", Segments(message.Text).ToString(CultureInfo.InvariantCulture)),
            new("MessageSid", sid),
            new("AccountSid", settings.AccountSid),
            new("From", from),
            new("ApiVersion", "2010-04-01"),
        };
        var (status, answer) = await poster.PostInboundAsync(form, cancellationToken);
        var result = new JsonObject { ["id"] = sid, ["webhookStatus"] = status };
        if (status != StatusCodes.Status200OK)
        {
            result["webhookAnswer"] = answer.Length > MaxAnswerRelayed ? answer[..MaxAnswerRelayed] : answer;
        }

        return Results.Json(result, statusCode: status == StatusCodes.Status200OK ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway);
    }

    /// <summary><c>GET /sandbox/sms/messages?to=+1…&amp;after=</c>: what was sent to a number, oldest first.</summary>
    public static IResult Sent(string? to, long? after, TwilioSandboxStore store)
    {
        // An unencoded "+" in a query string reads as a space.
        var number = to?.Trim();
        if (number is { Length: > 0 } && number[0] != '+')
        {
            number = "+" + number;
        }

        if (!SmsNumbers.IsE164(number))
        {
            return Results.Problem("Give ?to= the patron's number in E.164 (%2B15551234567).", statusCode: StatusCodes.Status400BadRequest, title: "Missing recipient");
        }

        var items = new JsonArray([.. store.After(number!, after ?? 0).Select(r => (JsonNode)new JsonObject
        {
            ["seq"] = r.Sequence,
            ["id"] = r.Sid,
            ["receivedAt"] = r.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            ["body"] = new JsonObject { ["to"] = r.To, ["from"] = r.From, ["body"] = r.Body, ["automatic"] = r.Automatic },
        })]);
        return Results.Json(items);
    }

    /// <summary>How many SMS segments a body takes: 160/153 GSM-7 characters, else 70/67 UTF-16 units (approximate).</summary>
    internal static int Segments(string text)
    {
        var gsm = text.All(c => c < 128 && c != '`');
        var (single, part) = gsm ? (160, 153) : (70, 67);
        return text.Length <= single ? 1 : (text.Length + part - 1) / part;
    }

    private static bool Authenticated(HttpRequest request, string accountSid, SmsSettings settings)
    {
        var header = request.Headers.Authorization.ToString();
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}"));
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)))
            && accountSid == settings.AccountSid;
    }

    private static IResult Error(ILogger logger, int status, int code, string message)
    {
        SmsLog.SandboxRejected(logger, code);
        return Results.Json(new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = status,
        }, statusCode: status);
    }
}
