using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.WeChat;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>
/// A WeChat follower (OpenID), driven through the sandbox simulator, which builds Tencent's XML, encrypts and signs it
/// (safe mode), posts it to the real <c>/webhooks/wechat</c> and decrypts the passive reply — and, like Tencent, opens
/// the 48-hour customer-service window in the fake API. A turn's first reply is that passive reply; the rest arrive
/// at the fake customer-service API.
/// </summary>
public sealed class WeChatPatron(BotProcess bot, string openId) : Patron(bot, openId)
{
    public Task<Turn> SayAsync(string text) => SimulateAsync(new JsonObject { ["openId"] = Id, ["text"] = text });

    /// <summary>Taps a custom-menu button (a CLICK event with the button's key).</summary>
    public Task<Turn> ClickMenuAsync(string eventKey) =>
        SimulateAsync(new JsonObject { ["openId"] = Id, ["event"] = "CLICK", ["eventKey"] = eventKey });

    public Task<Turn> ShareLocationAsync(double latitude, double longitude) =>
        SimulateAsync(new JsonObject { ["openId"] = Id, ["latitude"] = latitude, ["longitude"] = longitude });

    public override Task<Turn> TurnAsync(string dedupeKey) =>
        CollectAsync(dedupeKey, "/sandbox/wechat/messages", Render, item => item["sequence"]!.GetValue<long>(), []);

    private async Task<Turn> SimulateAsync(JsonObject simulation)
    {
        simulation["mode"] = "safe";
        var before = LastInboxSequence();
        using var response = await Bot.Http.PostAsJsonAsync(WeChatSandboxDefaults.ApiPath + "/simulate", simulation);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The simulated delivery was refused ({(int)response.StatusCode}): {answer}");
        var passive = JsonNode.Parse(answer)!["passiveReply"] is JsonObject reply ? [RenderPassive(reply)] : Array.Empty<string>();
        var dedupeKey = Bot.Text($"SELECT dedupe_key FROM inbox WHERE conversation_key = '{ConversationKey}' AND seq > {before} ORDER BY seq LIMIT 1");
        return await CollectAsync(dedupeKey, "/sandbox/wechat/messages", Render, item => item["sequence"]!.GetValue<long>(), passive);
    }

    private string ConversationKey => $"wx:{WeChatSandboxDefaults.AccountId}:{Id}";

    private long LastInboxSequence() => Bot.Scalar($"SELECT COALESCE(MAX(seq), 0) FROM inbox WHERE conversation_key = '{ConversationKey}'");

    private static string RenderPassive(JsonObject reply) =>
        reply["MsgType"]?.GetValue<string>() == "news"
            ? string.Join('\n', reply["Articles"]!.AsArray().Select(a => a!["Title"] + "\n" + a["Description"]))
            : reply["Content"]!.GetValue<string>();

    private static string Render(JsonNode item)
    {
        var body = item["body"]!;
        return body["msgtype"]?.GetValue<string>() == "news"
            ? string.Join('\n', body["news"]!["articles"]!.AsArray().Select(a => a!["title"] + "\n" + a["description"]))
            : body["text"]!["content"]!.GetValue<string>();
    }
}
