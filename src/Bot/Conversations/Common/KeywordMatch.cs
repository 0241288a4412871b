namespace LibraryBot.Bot.Conversations.Common;

/// <summary>Whether folded text contains a folded phrase: as whole words in spaced scripts, as a substring in CJK.</summary>
public static class KeywordMatch
{
    /// <param name="paddedText">Folded text with a space added at both ends.</param>
    public static bool Contains(string paddedText, string phrase) =>
        phrase.Length > 0 && (IsCjk(phrase[0])
            ? paddedText.Contains(phrase, StringComparison.Ordinal)
            : paddedText.Contains(" " + phrase + " ", StringComparison.Ordinal));

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
