using System.Text;
using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// How outbound messages read on WeChat, which has no buttons in chat: choices become numbered lines the patron
/// answers by number, in the message's own words; a record becomes one news article.
/// </summary>
internal static class WeChatMessageText
{
    public static string Text(OutboundMessage message) => message switch
    {
        ChoiceQuestion q => NumberedText.Question(q.Header, q.Text, q.Choices, q.Footer),
        RecordCard card => NumberedText.Question(null, card.ToPlainText(), card.Actions, null),
        _ => message.ToPlainText(),
    };

    /// <summary>The single news article for a record: title, details with numbered actions, link and cover.</summary>
    public static WeChatArticle Article(RecordCard card)
    {
        var details = new StringBuilder();
        if (!string.IsNullOrEmpty(card.Authors))
        {
            details.Append(card.Authors);
        }

        if (!string.IsNullOrEmpty(card.Year))
        {
            details.Append(details.Length > 0 ? " (" : "(").Append(card.Year).Append(')');
        }

        if (details.Length > 0)
        {
            details.Append('\n');
        }

        details.Append(card.Availability);
        NumberedText.AppendChoices(details, card.Actions);
        return new WeChatArticle(card.Title, details.ToString(), card.Url, card.ImageUrl);
    }
}
