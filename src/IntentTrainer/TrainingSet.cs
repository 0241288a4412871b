using System.Text.Json;
using LibraryBot.Bot.Understanding;
using LibraryBot.Bot.Understanding.Learning;

namespace LibraryBot.IntentTrainer;

/// <summary>
/// What the classifier learns from: every lexicon phrase of the intents it may decide (slots filled with titles,
/// authors and subjects of the demo library), the hand-written examples, and bare titles and authors as searches; each
/// also varied with greetings, filler and a typo, so the model meets messages the way patrons type them.
/// Deterministic: the same inputs give the same set.
/// </summary>
internal sealed class TrainingSet
{
    /// <summary>Intents the classifier may decide. Stop words, language names and yes/no stay with the lexicon alone.</summary>
    public static readonly HashSet<string> LearnedIntents =
    [
        "search", "loans", "renew-all", "renew-one", "renew", "holds", "fines", "hours", "contact", "cards", "link-card", "unlink-card",
        "librarian", "help", "menu", "greeting", "smalltalk", "delete-data",
    ];

    private static readonly Dictionary<string, string[]> Openers = new()
    {
        ["en"] = ["hi ", "hello, ", "hey ", "please ", "can you ", "could you please ", "i want to know ", "quick question: "],
        ["es"] = ["hola ", "buenas, ", "oye ", "por favor ", "me puedes decir ", "quería saber ", "perdona, "],
        ["zh-Hans"] = ["你好，", "您好 ", "请问", "麻烦", "帮我", "我想问一下"],
        ["vi"] = ["chào bạn, ", "xin chào ", "cho mình hỏi ", "làm ơn ", "ad ơi ", "bạn ơi "],
    };

    private static readonly Dictionary<string, string[]> Closers = new()
    {
        ["en"] = ["?", " please", " pls", " thanks", "!", " thx", " :)"],
        ["es"] = ["?", " por favor", " porfa", " gracias", "!", " xfa"],
        ["zh-Hans"] = ["？", "吗", "谢谢", "呢", "啊", "！"],
        ["vi"] = ["?", " nha", " nhé", " ạ", " với", " cảm ơn"],
    };

    private readonly Random _random = new(IntentModel.Seed);
    private readonly List<IntentExample> _examples = [];
    private readonly List<(string Language, string Title, string Author, string Subject)> _works;

    public TrainingSet(string worksFile)
    {
        _works = File.ReadLines(worksFile)
            .Select(l => l.Split('\t'))
            .Where(f => f.Length >= 5)
            .Select(f => (f[0], f[1], f[2], f[4].Split(';')[0]))
            .ToList();
    }

    public IReadOnlyList<IntentExample> Examples => _examples;

    public void AddLexicon(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var entries = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, List<string>>>>(File.ReadAllText(file))!;
            foreach (var (key, languages) in entries)
            {
                var intent = key.Split(':')[0];
                if (!LearnedIntents.Contains(intent))
                {
                    continue;
                }

                foreach (var (language, phrases) in languages)
                {
                    foreach (var phrase in phrases)
                    {
                        var text = phrase.TrimStart('=').Replace("…", " ", StringComparison.Ordinal);
                        AddVaried(intent, language, Fill(text, language));
                    }
                }
            }
        }
    }

    public void AddExamples(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "*.tsv").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split('\t');
                if (fields.Length < 3 || string.IsNullOrWhiteSpace(fields[2]))
                {
                    continue;
                }

                AddVaried(fields[0], fields[1], fields[2]);
                Add(fields[0], fields[2]);
            }
        }
    }

    /// <summary>
    /// The corpus's dev split (tests/LibraryBot.Bot.Tests/Corpus, columns intent, utterance, entities, split, language):
    /// what patrons actually wrote. Only "dev" lines are learned from; the "test" lines stay held out for the accuracy test.
    /// </summary>
    public void AddCorpusDevSplit(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "*.tsv").Order(StringComparer.Ordinal))
        {
            foreach (var fields in File.ReadLines(file).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length == 5 && f[3] == "dev"))
            {
                if (LearnedIntents.Contains(fields[0]))
                {
                    AddVaried(fields[0], fields[4], fields[1]);
                }
            }
        }
    }

    /// <summary>Bare titles and authors are searches; emoji and laughter are small talk.</summary>
    public void AddCatalogue(int titles)
    {
        foreach (var work in _works.OrderBy(_ => _random.Next()).Take(titles))
        {
            Add("search", _random.Next(4) == 0 ? work.Title.ToLowerInvariant() : work.Title);
            if (_random.Next(3) == 0)
            {
                Add("search", Typo(work.Title.ToLowerInvariant()));
            }
        }

        foreach (var author in _works.Select(w => w.Author).Distinct().OrderBy(_ => _random.Next()).Take(titles / 4))
        {
            Add("search", author);
        }

        foreach (var symbols in new[] { "👍", "👍👍", "❤️", "😂", "🙏", "😊", "👌", "😀", "🤣", "💯", "🎉", "😍", "ok 👍", "😂😂😂", ":)", ":(", "xd", "<3" })
        {
            Add("smalltalk", symbols);
        }
    }

    private void AddVaried(string intent, string language, string text)
    {
        Add(intent, text);
        if (!Openers.TryGetValue(language, out var openers))
        {
            return;
        }

        Add(intent, openers[_random.Next(openers.Length)] + text + Closers[language][_random.Next(Closers[language].Length)]);
        Add(intent, Typo(text));
    }

    private void Add(string intent, string text) =>
        _examples.Add(new IntentExample { Label = intent, Text = ClassifierText.Prepare(Utterance.Parse(text)) });

    private string Fill(string text, string language)
    {
        var local = _works.Where(w => w.Language == language).ToList();
        var pool = local.Count > 0 && _random.Next(4) > 0 ? local : _works;
        var work = pool[_random.Next(pool.Count)];
        return text
            .Replace("{terms}", text.Contains("about", StringComparison.Ordinal) || text.Contains("sobre", StringComparison.Ordinal)
                || text.Contains("关于", StringComparison.Ordinal) || text.Contains(" ve ", StringComparison.Ordinal) ? work.Subject.ToLowerInvariant() : work.Title, StringComparison.Ordinal)
            .Replace("{author}", work.Author, StringComparison.Ordinal);
    }

    /// <summary>One typo in a word of five letters or more: a letter dropped, doubled or swapped with the next.</summary>
    private string Typo(string text)
    {
        var words = text.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5 && words[i].All(char.IsLetter)).ToList();
        if (candidates.Count == 0)
        {
            return text;
        }

        var index = candidates[_random.Next(candidates.Count)];
        var word = words[index];
        var at = 1 + _random.Next(word.Length - 2);
        words[index] = _random.Next(3) switch
        {
            0 => word.Remove(at, 1),
            1 => word.Insert(at, word[at].ToString()),
            _ => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
        };
        return string.Join(' ', words);
    }
}
