using System.Text;

namespace LibraryBot.Channels.Outbound;

/// <summary>
/// A question with choices. <see cref="ListButton"/> labels the button that opens a list where a channel
/// shows one; <see cref="Header"/> and <see cref="Footer"/> are optional.
/// </summary>
public sealed record ChoiceQuestion(
    string Text,
    IReadOnlyList<Choice> Choices,
    string? ListButton = null,
    string? Header = null,
    string? Footer = null) : OutboundMessage
{
    public override string ToPlainText()
    {
        var sb = new StringBuilder(Text);
        for (var i = 0; i < Choices.Count; i++)
        {
            sb.Append('\n').Append(i + 1).Append(". ").Append(Choices[i].Title);
        }

        return sb.ToString();
    }
}
