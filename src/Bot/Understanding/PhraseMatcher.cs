namespace LibraryBot.Bot.Understanding;

/// <summary>
/// Finds lexicon phrases in a message. A phrase matches as a run of units (with the gaps it allows), typo-tolerant per
/// unit. A phrase with a slot ("do you have {terms}") must start the request and end it: what comes before and after may
/// only be greetings and filler; the slot takes what lies between.
/// </summary>
public sealed class PhraseMatcher
{
    private const int MaxGap = 4;

    /// <summary>Phrases by the first letter of their first fixed unit (typo tolerance keeps the first letter), and those that start with their slot.</summary>
    private readonly Dictionary<char, (string Unit, LexiconPhrase[] Phrases)[]> _byFirstLetter;
    private readonly LexiconPhrase[] _slotFirst;

    public PhraseMatcher(Lexicon lexicon)
    {
        Lexicon = lexicon;
        _slotFirst = lexicon.Phrases.Where(p => p.Before.Count == 0).ToArray();
        _byFirstLetter = lexicon.Phrases.Where(p => p.Before.Count > 0)
            .GroupBy(p => p.Before[0]!, StringComparer.Ordinal)
            .GroupBy(g => g.Key[0])
            .ToDictionary(byLetter => byLetter.Key, byLetter => byLetter.Select(g => (g.Key, g.ToArray())).ToArray());
    }

    public Lexicon Lexicon { get; }

    /// <summary>Every phrase that matches, best first.</summary>
    public IReadOnlyList<PhraseMatch> Match(Utterance utterance, IReadOnlySet<int> entityUnits, IReadOnlySet<int> ignorableUnits)
    {
        var content = new List<int>();
        for (var i = 0; i < utterance.Units.Count; i++)
        {
            if (utterance.Units[i].IsContent && !entityUnits.Contains(i))
            {
                content.Add(i);
            }
        }

        var matches = new List<PhraseMatch>();
        if (content.Count == 0)
        {
            return matches;
        }

        foreach (var phrase in Candidates(utterance, content).Distinct(ReferenceEqualityComparer.Instance).Cast<LexiconPhrase>())
        {
            var match = phrase.Slot == PhraseSlot.None ? MatchFixed(utterance, content, ignorableUnits, phrase) : MatchSlotted(utterance, content, ignorableUnits, phrase);
            if (match is not null)
            {
                matches.Add(match);
            }
        }

        return matches
            .OrderByDescending(m => m.Confidence)
            .ThenByDescending(m => m.Phrase.FixedUnits)
            .ToList();
    }

    /// <summary>Phrases whose first unit is like one of the message's units, and phrases that start with their slot.</summary>
    private IEnumerable<LexiconPhrase> Candidates(Utterance utterance, List<int> content)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in content)
        {
            var unit = utterance.Units[index];
            if (!seen.Add(unit.Text) || !_byFirstLetter.TryGetValue(unit.Text[0], out var group))
            {
                continue;
            }

            foreach (var (first, phrases) in group)
            {
                if (UnitSimilarity.Of(unit, first) > 0)
                {
                    foreach (var phrase in phrases)
                    {
                        yield return phrase;
                    }
                }
            }
        }

        foreach (var phrase in _slotFirst)
        {
            yield return phrase;
        }
    }

    /// <summary>Whether a unit never changes what a message asks (please, porfa, 帮我, hi, hola…).</summary>
    public bool IsIgnorable(in MessageUnit unit) => Lexicon.Filler.Contains(unit.Text) || Lexicon.Greetings.Contains(unit.Text);

    private PhraseMatch? MatchFixed(Utterance utterance, List<int> content, IReadOnlySet<int> ignorable, LexiconPhrase phrase)
    {
        PhraseMatch? best = null;
        for (var start = 0; start < content.Count; start++)
        {
            if (Sequence(utterance, content, start, phrase.Before) is not var (end, similarity, covered))
            {
                continue;
            }

            var remaining = content.Count(i => !covered.Contains(i) && !ignorable.Contains(i) && !IsIgnorable(utterance.Units[i]));
            var whole = remaining == 0;
            if (phrase.WholeOnly && !whole)
            {
                continue;
            }

            var fixedUnits = phrase.FixedUnits;
            var confidence = whole ? 0.95 * similarity : (0.55 + 0.4 * fixedUnits / (fixedUnits + remaining)) * similarity;
            if (best is null || confidence > best.Confidence)
            {
                best = new PhraseMatch(phrase, confidence, whole, null, covered);
            }

            _ = end;
        }

        return best;
    }

    private PhraseMatch? MatchSlotted(Utterance utterance, List<int> content, IReadOnlySet<int> ignorable, LexiconPhrase phrase)
    {
        // The request starts after leading greetings and filler; the fixed part before the slot starts there (or
        // within those ignorable units, e.g. "please find …" where "please" is filler).
        for (var start = 0; start < content.Count; start++)
        {
            if (start > 0 && !IsIgnorable(utterance.Units[content[start - 1]]) && !ignorable.Contains(content[start - 1]))
            {
                break;
            }

            var slotStart = start;
            var similarity = 1.0;
            var covered = new HashSet<int>();
            if (phrase.Before.Count > 0)
            {
                if (Sequence(utterance, content, start, phrase.Before) is not var (end, s, c))
                {
                    continue;
                }

                slotStart = end;
                similarity = s;
                covered.UnionWith(c);
            }

            // The fixed part after the slot ends the request: only greetings and filler may follow it.
            var slotEnd = content.Count - 1;
            if (phrase.After.Count > 0)
            {
                if (FindSuffix(utterance, content, slotStart, phrase.After) is not var (suffixStart, s2, c2))
                {
                    continue;
                }

                slotEnd = suffixStart - 1;
                similarity = (similarity * phrase.Before.Count(u => u is not null) + s2 * phrase.After.Count(u => u is not null)) / phrase.FixedUnits;
                covered.UnionWith(c2);
            }

            while (slotStart < slotEnd && IsTrimmed(utterance.Units[content[slotStart]]) && utterance.Units[content[slotStart]].Text is not ("a" or "u" or "k"))
            {
                slotStart++;
            }

            while (slotEnd > slotStart && IsTrimmed(utterance.Units[content[slotEnd]]))
            {
                slotEnd--;
            }

            if (slotStart > slotEnd || (slotStart == slotEnd && IsTrimmed(utterance.Units[content[slotStart]])))
            {
                continue;
            }

            var slotUnits = new HashSet<int>();
            for (var i = slotStart; i <= slotEnd; i++)
            {
                slotUnits.Add(content[i]);
            }

            covered.UnionWith(slotUnits);
            // A slot behind a single word ("get …", "找…", "sách …") says less than "do you have …": it stays below explicit.
            var slot = Unquote(utterance.Span(content[slotStart], content[slotEnd]));
            var confidence = (phrase.FixedUnits <= 1 ? 0.8 : 0.95) * similarity;
            return new PhraseMatch(phrase, confidence, true, slot, covered, slotUnits);
        }

        return null;
    }

    private bool IsTrimmed(in MessageUnit unit) => Lexicon.Trim.Contains(unit.Text);

    /// <summary>A title the patron put in quotes or 《》 is exactly what is inside them.</summary>
    private static string Unquote(string slot)
    {
        foreach (var (open, close) in new[] { ('《', '》'), ('"', '"'), ('“', '”'), ('«', '»'), ('「', '」'), ('\'', '\'') })
        {
            var start = slot.IndexOf(open, StringComparison.Ordinal);
            var end = start < 0 ? -1 : slot.IndexOf(close, start + 1);
            if (start >= 0 && end > start + 1)
            {
                return slot[(start + 1)..end].Trim();
            }
        }

        return slot.Trim('《', '》', '"', '“', '”', '«', '»', '「', '」', '\'', ' ');
    }

    /// <summary>Matches <paramref name="sequence"/> at content position <paramref name="start"/>; returns the position after it.</summary>
    private static (int End, double Similarity, HashSet<int> Covered)? Sequence(Utterance utterance, List<int> content, int start, IReadOnlyList<string?> sequence)
    {
        var covered = new HashSet<int>();
        var total = 0.0;
        var count = 0;
        var position = start;
        for (var k = 0; k < sequence.Count; k++)
        {
            var expected = sequence[k];
            if (expected is null)
            {
                // A gap: the next unit may come up to MaxGap units later.
                var next = sequence[k + 1]!;
                var found = -1;
                for (var skip = 0; skip <= MaxGap && position + skip < content.Count; skip++)
                {
                    if (UnitSimilarity.Of(utterance.Units[content[position + skip]], next) > 0)
                    {
                        found = position + skip;
                        break;
                    }
                }

                if (found < 0)
                {
                    return null;
                }

                position = found;
                continue;
            }

            if (position >= content.Count)
            {
                return null;
            }

            var similarity = UnitSimilarity.Of(utterance.Units[content[position]], expected);
            if (similarity <= 0)
            {
                return null;
            }

            total += similarity;
            count++;
            covered.Add(content[position]);
            position++;
        }

        return (position, count == 0 ? 1 : total / count, covered);
    }

    /// <summary>
    /// Finds the fixed part after a slot: it must end at the last content unit, or be followed only by ignorable units
    /// ("có Doraemon không nha"). Returns where it starts.
    /// </summary>
    private (int Start, double Similarity, HashSet<int> Covered)? FindSuffix(Utterance utterance, List<int> content, int from, IReadOnlyList<string?> sequence)
    {
        for (var last = content.Count - 1; last > from; last--)
        {
            for (var start = last; start > from; start--)
            {
                if (Sequence(utterance, content, start, sequence) is var (end, similarity, covered) && end == last + 1)
                {
                    return (start, similarity, covered);
                }
            }

            if (!IsIgnorable(utterance.Units[content[last]]))
            {
                break;
            }
        }

        return null;
    }
}
