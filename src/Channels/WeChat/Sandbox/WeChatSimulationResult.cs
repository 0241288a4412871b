namespace LibraryBot.Channels.WeChat.Sandbox;

/// <summary>
/// What the webhook answered the simulated delivery: the HTTP status, the decrypted passive reply (text content
/// or the news article) when there was one, and the raw answer (<c>success</c> when the reply goes out later).
/// </summary>
internal sealed record WeChatSimulationResult(int Status, string? ReplyType, string? Content, WeChatSimulatedArticle? Article, string Raw);

internal sealed record WeChatSimulatedArticle(string? Title, string? Description, string? Url, string? PicUrl);
