using System.Text.Json.Serialization;

namespace LibraryBot.Channels.WeChat.Sandbox;

/// <summary>
/// What the webhook answered the simulated delivery: its HTTP status, the decrypted passive reply in WeChat's own
/// field names (<c>MsgType</c>, <c>Content</c> or <c>Articles</c>) when there was one, and the raw answer
/// (<c>success</c> when the reply goes out later through the customer-service API).
/// </summary>
internal sealed record WeChatSimulationResult(int Status, WeChatSimulatedReply? PassiveReply, string Raw);

internal sealed record WeChatSimulatedReply(
    [property: JsonPropertyName("MsgType")] string? MsgType,
    [property: JsonPropertyName("Content")] string? Content,
    [property: JsonPropertyName("Articles")] IReadOnlyList<WeChatSimulatedArticle>? Articles);

internal sealed record WeChatSimulatedArticle(
    [property: JsonPropertyName("Title")] string? Title,
    [property: JsonPropertyName("Description")] string? Description,
    [property: JsonPropertyName("Url")] string? Url,
    [property: JsonPropertyName("PicUrl")] string? PicUrl);
