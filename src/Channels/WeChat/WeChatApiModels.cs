using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LibraryBot.Channels.WeChat;

/// <summary>Tencent's common answer: <c>errcode</c> 0 means success; template sends also return <c>msgid</c>.</summary>
internal record WeChatApiResult
{
    [JsonPropertyName("errcode")]
    public int ErrCode { get; init; }

    [JsonPropertyName("errmsg")]
    public string? ErrMsg { get; init; }

    [JsonPropertyName("msgid")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? MsgId { get; init; }
}

/// <summary>The <c>stable_token</c> answer.</summary>
internal sealed record WeChatTokenResponse : WeChatApiResult
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; init; }
}

/// <summary>The <c>menu/get</c> answer: <c>{"menu":{"button":[…]}}</c>, or errcode 46003 when there is no menu.</summary>
internal sealed record WeChatMenuResponse : WeChatApiResult
{
    [JsonPropertyName("menu")]
    public JsonObject? Menu { get; init; }
}

/// <summary>The <c>message/mass/send</c> answer: <c>msg_id</c> of the mass send (also given with 45065, the original one).</summary>
internal sealed record WeChatMassSendResponse : WeChatApiResult
{
    [JsonPropertyName("msg_id")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? MassMsgId { get; init; }
}

/// <summary>Thrown when an access token cannot be obtained (wrong AppSecret, IP not allow-listed, …).</summary>
internal sealed class WeChatApiException(int errCode, string? errMsg)
    : Exception($"WeChat API error {errCode}: {errMsg}")
{
    public int ErrCode { get; } = errCode;
}
