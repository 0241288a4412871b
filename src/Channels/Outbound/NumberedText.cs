using System.Text;

namespace LibraryBot.Channels.Outbound;

/// <summary>
/// Choices as numbered lines ("1. Renew", "2. Cancel – description") for channels without buttons (WeChat, SMS): the
/// patron answers with the number or the title, which the engine's choice recognizer understands.
/// </summary>
internal static class NumberedText
{
    /// <summary>Header, text, one numbered line per choice, footer — each part on its own line, empty parts left out.</summary>
    public static string Question(string? header, string text, IReadOnlyList<Choice> choices, string? footer)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(header))
        {
            sb.Append(header).Append('\n');
        }

        sb.Append(text);
        AppendChoices(sb, choices);
        if (!string.IsNullOrEmpty(footer))
        {
            sb.Append('\n').Append(footer);
        }

        return sb.ToString();
    }

    /// <summary>Appends "\n1. Title" (and " – Description" where there is one) for each choice.</summary>
    public static void AppendChoices(StringBuilder sb, IReadOnlyList<Choice> choices)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            sb.Append('\n').Append(i + 1).Append(". ").Append(choices[i].Title);
            if (!string.IsNullOrEmpty(choices[i].Description))
            {
                sb.Append(" – ").Append(choices[i].Description);
            }
        }
    }
}
