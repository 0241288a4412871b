namespace LibraryBot.Channels.WeChat;

/// <summary>The template message used for one notification kind (<c>Channels:WeChat:Templates:HoldReady</c>, …).</summary>
public sealed class WeChatTemplate
{
    public string TemplateId { get; set; } = string.Empty;

    /// <summary>The template's data keys in order, each with the notification parameter that fills it.</summary>
    public List<WeChatTemplateField> Fields { get; set; } = [];

    /// <summary>Optional page opened when the patron taps the message.</summary>
    public string? Url { get; set; }
}
