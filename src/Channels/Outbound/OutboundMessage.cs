using System.Text.Json.Serialization;

namespace LibraryBot.Channels.Outbound;

/// <summary>
/// What the bot wants to say, independent of the channel. Each channel's sender renders it its own way
/// (WhatsApp buttons or a list, WeChat numbered text, and so on).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(TextMessage), "text")]
[JsonDerivedType(typeof(ChoiceQuestion), "choice")]
[JsonDerivedType(typeof(RecordCard), "record")]
[JsonDerivedType(typeof(TemplateNotification), "template")]
public abstract record OutboundMessage
{
    /// <summary>A plain-text rendering, used in transcripts and by channels without richer forms.</summary>
    public abstract string ToPlainText();
}
