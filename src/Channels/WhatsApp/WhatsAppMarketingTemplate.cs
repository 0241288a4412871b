namespace LibraryBot.Channels.WhatsApp;

/// <summary>
/// One approved WhatsApp <b>marketing</b> template (category MARKETING in WhatsApp Manager) that broadcasts may use:
/// its <see cref="Name"/>, the bot languages it was approved in (<c>en</c>, <c>es</c>, <c>zh</c>, <c>vi</c>; sent with
/// the codes of <see cref="WhatsAppMarketingTemplates.LanguageCode"/>) and how many body placeholders it has.
/// </summary>
public sealed class WhatsAppMarketingTemplate
{
    public string Name { get; set; } = "";

    public List<string> Languages { get; set; } = [];

    /// <summary>How many positional body parameters ({{1}}, {{2}}…) the template takes.</summary>
    public int BodyParameters { get; set; }
}
