namespace LibraryBot.Channels.WeChat;

/// <summary>One data field of a template message: the template's data key and the notification parameter it shows.</summary>
public sealed class WeChatTemplateField
{
    /// <summary>The template's key, e.g. <c>thing1</c> or <c>time2</c>.</summary>
    public string DataKey { get; set; } = string.Empty;

    /// <summary>The name of the <see cref="Outbound.TemplateNotification"/> parameter whose value fills it.</summary>
    public string Parameter { get; set; } = string.Empty;
}
