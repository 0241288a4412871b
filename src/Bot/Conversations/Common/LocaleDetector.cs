using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>Guesses the language of a short message from its script, marks and common words; null when unsure.</summary>
public static class LocaleDetector
{
    private const string VietnameseLetters = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";
    private const string SpanishLetters = "ñ¿¡";

    private static readonly HashSet<string> VietnameseWords = ["toi", "ban", "cua", "khong", "sach", "muon", "tim", "gio", "cam on", "xin"];
    private static readonly HashSet<string> SpanishWords =
        ["hola", "buscar", "busco", "quiero", "libro", "libros", "gracias", "que", "donde", "cuando", "por", "favor", "mis", "renovar", "horario", "tienen", "el", "la", "los", "las", "de"];

    private static readonly HashSet<string> EnglishWords =
        ["hello", "hi", "search", "find", "my", "the", "renew", "hours", "open", "please", "book", "books", "loans", "holds", "what", "where", "when", "are", "you", "is", "thanks"];

    public static string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Any(KeywordMatch.IsCjk))
        {
            return BotLocales.Chinese;
        }

        var lower = text.ToLowerInvariant();
        if (lower.Any(c => VietnameseLetters.Contains(c, StringComparison.Ordinal)))
        {
            return BotLocales.Vietnamese;
        }

        if (lower.Any(c => SpanishLetters.Contains(c, StringComparison.Ordinal)) || lower.Any(c => "áéíóú".Contains(c, StringComparison.Ordinal)))
        {
            return BotLocales.Spanish;
        }

        var words = TextNormalizer.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var spanish = words.Count(SpanishWords.Contains);
        var vietnamese = words.Count(VietnameseWords.Contains);
        var english = words.Count(EnglishWords.Contains);
        return spanish >= 1 && spanish > english && spanish > vietnamese ? BotLocales.Spanish
            : vietnamese >= 2 && vietnamese > english ? BotLocales.Vietnamese
            : english >= 1 && english > spanish ? BotLocales.English
            : null;
    }
}
