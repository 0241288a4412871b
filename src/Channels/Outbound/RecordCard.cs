using System.Text;

namespace LibraryBot.Channels.Outbound;

/// <summary>A catalogue record: the essentials plus the next actions the patron can take.</summary>
public sealed record RecordCard(
    string Title,
    string? Authors,
    string? Year,
    string Availability,
    IReadOnlyList<Choice> Actions,
    string? Url = null,
    string? ImageUrl = null) : OutboundMessage
{
    public override string ToPlainText()
    {
        var sb = new StringBuilder(Title);
        if (!string.IsNullOrEmpty(Authors))
        {
            sb.Append('\n').Append(Authors);
        }

        if (!string.IsNullOrEmpty(Year))
        {
            sb.Append(" (").Append(Year).Append(')');
        }

        sb.Append('\n').Append(Availability);
        return sb.ToString();
    }
}
