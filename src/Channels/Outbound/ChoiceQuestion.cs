using System.Text;

namespace LibraryBot.Channels.Outbound;

/// <summary>
/// A question with choices. <see cref="ListButton"/> labels the button that opens a list where a channel
/// shows one; <see cref="Header"/> and <see cref="Footer"/> are optional. A channel that can show only some choices
/// at a time shows page <see cref="Page"/> and adds a choice whose id starts with <see cref="MorePrefix"/> followed by
/// the next page number; the engine answers it by sending the same question with that page.
/// </summary>
public sealed record ChoiceQuestion(
    string Text,
    IReadOnlyList<Choice> Choices,
    string? ListButton = null,
    string? Header = null,
    string? Footer = null,
    int Page = 1) : OutboundMessage
{
    public const string MorePrefix = "__more:";

    /// <summary>True when <paramref name="choiceId"/> asks for another page of choices; <paramref name="page"/> is that page.</summary>
    public static bool TryParseMore(string? choiceId, out int page)
    {
        page = 0;
        return choiceId is not null
            && choiceId.StartsWith(MorePrefix, StringComparison.Ordinal)
            && int.TryParse(choiceId.AsSpan(MorePrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page)
            && page >= 2;
    }

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
