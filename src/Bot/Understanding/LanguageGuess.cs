using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Understanding;

/// <summary>
/// Which of the four languages a message is written in, when that is clear: Chinese characters; letters only
/// Vietnamese uses (ă â đ ê ô ơ ư and its tone marks); the language of the phrase that matched when only one language
/// has it ("có" is Vietnamese "yes", though Spanish writes ó too); Spanish marks (ñ ¿ ¡ á é í ó ú); otherwise the words
/// only one language uses. Null when unsure (numbers, emoji, "ok", "menu").
/// </summary>
public static class LanguageGuess
{
    private const string VietnameseLetters = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";
    private const string SpanishMarks = "ñ¿¡áéíóúü";

    public static string? Of(Utterance utterance, string? phraseLanguage, Lexicon lexicon)
    {
        if (utterance.HasCjk)
        {
            return BotLocales.Chinese;
        }

        var lower = utterance.Text.ToLowerInvariant();
        if (lower.Any(c => VietnameseLetters.Contains(c, StringComparison.Ordinal)))
        {
            return BotLocales.Vietnamese;
        }

        // A phrase only one language has outranks Spanish accents: Vietnamese "có" carries an ó too.
        if (phraseLanguage is not null)
        {
            return phraseLanguage;
        }

        if (lower.Any(c => SpanishMarks.Contains(c, StringComparison.Ordinal)))
        {
            return BotLocales.Spanish;
        }

        var votes = utterance.Units
            .Where(u => u.Kind == UnitKind.Word)
            .Select(u => lexicon.FillerLanguage.GetValueOrDefault(u.Text))
            .Where(l => l is not null)
            .GroupBy(l => l!)
            .Select(g => (Language: g.Key, Count: g.Count()))
            .OrderByDescending(v => v.Count)
            .ToList();
        return votes.Count > 0 && (votes.Count == 1 || votes[0].Count > votes[1].Count) ? votes[0].Language : null;
    }
}
