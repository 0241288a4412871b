using System.Text;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.Sms.Sending;

/// <summary>
/// Every outbound message as plain SMS text: choices as numbered lines (answered by number or title, as on WeChat), a
/// record as its essentials and link with its actions numbered, a notice as its text; cut into messages of at most
/// <see cref="MaxBody"/> characters at line, sentence or word boundaries.
/// </summary>
internal static class SmsMessageText
{
    /// <summary>Twilio's limit for <c>Body</c> (error 21617), counted here in UTF-16 code units (an emoji counts 2).</summary>
    public const int MaxBody = 1600;

    public static IReadOnlyList<string> Render(OutboundMessage message)
    {
        var text = message switch
        {
            TextMessage m => m.ToPlainText(),
            TemplateNotification n => n.Text,
            ChoiceQuestion q => NumberedText.Question(q.Header, q.Text, q.Choices, q.Footer),
            RecordCard card => NumberedText.Question(null, RecordCardText.Essentials(card, string.Empty), card.Actions, null),
            _ => message.ToPlainText(),
        };
        return string.IsNullOrWhiteSpace(text) ? [] : TextSplitter.Split(text.Trim(), MaxBody);
    }
}
