using System.Globalization;
using System.Text;

namespace LibraryBot.Bot.Localization;

/// <summary>Folds text for matching: lower case, accents removed (Vietnamese đ → d), full-width forms narrowed, spaces collapsed.</summary>
public static class TextNormalizer
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(c == 'đ' ? 'd' : c);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Replaces full-width digits (０-９) with ASCII digits.</summary>
    public static string NarrowDigits(string text)
    {
        if (!text.Any(c => c is >= '０' and <= '９'))
        {
            return text;
        }

        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c;
            }
        });
    }
}
