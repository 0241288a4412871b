using System.Text;

namespace LibraryBot.Channels.Outbound;

/// <summary>A record's essentials as text (title, authors and year, availability, link), for channels without cards.</summary>
internal static class RecordCardText
{
    /// <param name="titleMark">Put around the title: "*" where the channel shows bold (WhatsApp), empty for plain text.</param>
    public static string Essentials(RecordCard card, string titleMark)
    {
        var sb = new StringBuilder(titleMark).Append(card.Title.Trim()).Append(titleMark);
        if (!string.IsNullOrWhiteSpace(card.Authors))
        {
            sb.Append('\n').Append(card.Authors);
        }

        if (!string.IsNullOrWhiteSpace(card.Year))
        {
            sb.Append(string.IsNullOrWhiteSpace(card.Authors) ? "\n" : " ").Append('(').Append(card.Year).Append(')');
        }

        sb.Append('\n').Append(card.Availability);
        if (!string.IsNullOrWhiteSpace(card.Url))
        {
            sb.Append('\n').Append(card.Url);
        }

        return sb.ToString();
    }
}
