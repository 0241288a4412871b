namespace LibraryBot.Channels.WeChat;

/// <summary>One news article (passive reply or customer-service message).</summary>
internal sealed record WeChatArticle(string Title, string Description, string? Url, string? PicUrl);
