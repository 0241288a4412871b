using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.WeChat.Sandbox;

/// <summary>
/// The fake WeChat API at <c>/sandbox/wechat/cgi-bin/…</c> (Tencent's JSON and error codes) and the simulator
/// endpoints used by the sandbox page. Mapped only when <c>Sandbox:Enabled</c>.
/// </summary>
internal static class WeChatSandboxEndpoints
{
    private static readonly TimeSpan TemplateReportDelay = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MassSendReportDelay = TimeSpan.FromMilliseconds(500);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(WeChatSandboxDefaults.ApiPath);
        group.MapPost("/cgi-bin/stable_token", StableTokenAsync);
        group.MapPost("/cgi-bin/message/custom/send", CustomSendAsync);
        group.MapPost("/cgi-bin/message/template/send", TemplateSendAsync);
        group.MapPost("/cgi-bin/message/mass/send", MassSendAsync);
        group.MapPost("/cgi-bin/menu/create", MenuCreateAsync);
        group.MapGet("/cgi-bin/menu/get", (string? access_token, WeChatSandboxState state) =>
            !state.IsValidToken(access_token) ? InvalidToken()
            : state.Menu is null ? Error(46003, "menu no exist")
            : Results.Json(new JsonObject { ["menu"] = new JsonObject { ["button"] = WithEmptySubButtons(state.Menu) } }));
        group.MapPost("/simulate", SimulateAsync);
        group.MapGet("/messages", (string to, long? after, WeChatSandboxState state) => state.MessagesTo(to, after ?? 0));
    }

    /// <summary>The webhook's answer as JSON; a non-2xx answer (bad signature, bad payload) comes back as a problem with its status.</summary>
    private static async Task<IResult> SimulateAsync(WeChatSimulation simulation, WeChatSimulator simulator, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(simulation.OpenId))
        {
            return Results.Problem(detail: "openId is required", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await simulator.SimulateAsync(simulation, cancellationToken);
        return result.Status is >= 200 and < 300
            ? Results.Json(result)
            : Results.Problem(detail: $"The webhook answered {result.Status}: {result.Raw}", statusCode: result.Status);
    }

    private static async Task<IResult> StableTokenAsync(HttpRequest request, IOptions<WeChatOptions> options, WeChatSandboxState state)
    {
        var body = await ReadJsonAsync(request);
        if (body is null || (string?)body["grant_type"] != "client_credential")
        {
            return Error(40002, "invalid grant_type");
        }

        if ((string?)body["appid"] != options.Value.AppId)
        {
            return Error(40013, "invalid appid");
        }

        if ((string?)body["secret"] != options.Value.AppSecret)
        {
            return Error(40125, "invalid appsecret");
        }

        var (token, expiresIn) = state.IssueToken(body["force_refresh"] is JsonValue v && v.TryGetValue<bool>(out var force) && force);
        return Results.Json(new JsonObject { ["access_token"] = token, ["expires_in"] = expiresIn });
    }

    private static async Task<IResult> CustomSendAsync(HttpRequest request, string? access_token, WeChatSandboxState state)
    {
        var (error, raw, touser) = await CheckMessageAsync(request, access_token, state);
        if (error is not null)
        {
            return error;
        }

        if (!state.InServiceWindow(touser!))
        {
            return Error(45015, "response out of time limit or subscription is canceled");
        }

        state.Record(touser!, "custom/send", raw!);
        return Error(0, "ok");
    }

    private static async Task<IResult> TemplateSendAsync(
        HttpRequest request, string? access_token, WeChatSandboxState state, WeChatSimulator simulator, TimeProvider time, ILoggerFactory loggers)
    {
        var (error, raw, touser) = await CheckMessageAsync(request, access_token, state);
        if (error is not null)
        {
            return error;
        }

        if (!state.Follows(touser!))
        {
            return Error(43004, "require subscribe");
        }

        var msgId = state.NextMsgId();
        state.Record(touser!, "template/send", raw!);
        _ = ReportTemplateAsync(simulator, touser!, msgId, time, loggers.CreateLogger(typeof(WeChatSandboxEndpoints)));
        return Results.Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["msgid"] = msgId });
    }

    /// <summary>
    /// <c>message/mass/send</c> (text only in this fake): token, charset, list size (40130 under two, 40032 over 10,000),
    /// clientmsgid length (45067), then <see cref="WeChatSandboxMassSends"/>' quota and clientmsgid rules; each follower
    /// who receives it sees it in the simulator; MASSSENDJOBFINISH follows with the counts.
    /// </summary>
    private static async Task<IResult> MassSendAsync(
        HttpRequest request, string? access_token, WeChatSandboxState state, WeChatSandboxMassSends massSends, WeChatSimulator simulator,
        TimeProvider time, ILoggerFactory loggers)
    {
        if (!state.IsValidToken(access_token))
        {
            return InvalidToken();
        }

        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync();
        if (WeChatJson.HasUnicodeEscape(raw))
        {
            return Error(40033, "invalid charset. please check your request, if include \\uxxxx will create fail!");
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return Error(47001, "data format error");
        }

        if (body?["touser"] is not JsonArray list || list.Any(n => n is not JsonValue v || !v.TryGetValue<string>(out var id) || id.Length == 0))
        {
            return Error(40003, "invalid openid");
        }

        if (list.Count < WeChatMassSender.MinOpenIds)
        {
            return Error(WeChatMassSendOutcome.TooFewOpenIds, "invalid openid list size, at least two openid");
        }

        if (list.Count > WeChatMassSender.MaxOpenIds)
        {
            return Error(WeChatMassSendOutcome.InvalidOpenIdListSize, "invalid openid list size");
        }

        if ((string?)body["msgtype"] != "text")
        {
            return Error(40008, "invalid message type");
        }

        var content = (string?)body["text"]?["content"];
        if (string.IsNullOrEmpty(content))
        {
            return Error(44004, "empty content");
        }

        var clientMsgId = (string?)body["clientmsgid"];
        if (clientMsgId is not null && System.Text.Encoding.UTF8.GetByteCount(clientMsgId) > WeChatMassSender.MaxClientMsgIdBytes)
        {
            return Error(WeChatMassSendOutcome.ClientMsgIdTooLong, "clientmsgid size out of limit");
        }

        var send = massSends.Send([.. list.Select(n => (string)n!)], clientMsgId);
        if (send.Result is null)
        {
            var refusal = new JsonObject { ["errcode"] = send.ErrCode, ["errmsg"] = send.ErrMsg };
            if (send.MsgId is { } original)
            {
                refusal["msg_id"] = original;
            }

            return Results.Json(refusal);
        }

        foreach (var openId in send.Delivered)
        {
            state.Record(openId, "mass/send", new JsonObject
            {
                ["touser"] = openId,
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = content },
                ["msg_id"] = send.MsgId,
            });
        }

        _ = ReportMassSendAsync(simulator, send.Result, time, loggers.CreateLogger(typeof(WeChatSandboxEndpoints)));
        return Results.Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = send.ErrMsg, ["msg_id"] = send.MsgId, ["msg_data_id"] = send.MsgId });
    }

    private static async Task ReportMassSendAsync(WeChatSimulator simulator, WeChatMassSendResult result, TimeProvider time, ILogger logger)
    {
        try
        {
            await Task.Delay(MassSendReportDelay, time);
            await simulator.DeliverMassSendResultAsync(result, CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            WeChatLog.SandboxMassEventFailed(logger, ex.GetType().Name);
        }
    }

    private static async Task<IResult> MenuCreateAsync(HttpRequest request, string? access_token, WeChatSandboxState state)
    {
        if (!state.IsValidToken(access_token))
        {
            return InvalidToken();
        }

        var body = await ReadJsonAsync(request);
        if (body?["button"] is not JsonArray { Count: >= 1 and <= 3 } buttons)
        {
            return Error(40016, "invalid button size");
        }

        state.SetMenu((JsonArray)buttons.DeepClone());
        return Error(0, "ok");
    }

    /// <summary>Token, JSON shape, Tencent's 40033 for <c>\uXXXX</c> escapes, and the recipient.</summary>
    private static async Task<(IResult? Error, string? Raw, string? ToUser)> CheckMessageAsync(HttpRequest request, string? token, WeChatSandboxState state)
    {
        if (!state.IsValidToken(token))
        {
            return (InvalidToken(), null, null);
        }

        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync();
        if (WeChatJson.HasUnicodeEscape(raw))
        {
            return (Error(40033, "invalid charset. please check your request, if include \\uxxxx will create fail!"), null, null);
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return (Error(47001, "data format error"), null, null);
        }

        return body?["touser"] is JsonValue to && to.TryGetValue<string>(out var touser) && touser.Length > 0
            ? (null, raw, touser)
            : (Error(40003, "invalid openid"), null, null);
    }

    private static async Task ReportTemplateAsync(WeChatSimulator simulator, string openId, long msgId, TimeProvider time, ILogger logger)
    {
        try
        {
            await Task.Delay(TemplateReportDelay, time);
            await simulator.DeliverTemplateResultAsync(openId, msgId, "success", CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            WeChatLog.SandboxEventFailed(logger, ex.GetType().Name);
        }
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonArray WithEmptySubButtons(JsonArray menu)
    {
        var copy = (JsonArray)menu.DeepClone();
        foreach (var button in copy.OfType<JsonObject>())
        {
            button["sub_button"] ??= new JsonArray();
        }

        return copy;
    }

    private static IResult InvalidToken() => Error(40001, "invalid credential, access_token is invalid or not latest");

    private static IResult Error(int code, string message) => Results.Json(new JsonObject { ["errcode"] = code, ["errmsg"] = message });
}
