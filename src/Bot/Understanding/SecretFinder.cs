namespace LibraryBot.Bot.Understanding;

/// <summary>
/// Finds a library card number and a PIN in a patron's message, prompted or not: "my card is 29000100000086 and my pin
/// is 2718", "29000100000086 2718", "29000100000086/2718", "借书证29000100000086 密码2718", "mã pin là 2718", or a
/// bare "2718". Used before a message is stored (the PIN is taken out) and by the recogniser (the card number).
/// </summary>
public static class SecretFinder
{
    public const int MinCardDigits = 10;
    public const int MaxCardDigits = 20;
    public const int MinPinDigits = 3;
    public const int MaxPinDigits = 12;

    /// <summary>Words that announce a PIN (digits follow) or a password (any single word follows), folded units.</summary>
    private static readonly (string[] Units, bool AnyWord)[] Keywords =
    [
        (["pin"], false), (["pin", "code"], false), (["pin", "number"], false), (["nip"], false), (["ma", "pin"], false), (["so", "pin"], false),
        (["password"], true), (["passcode"], true), (["pass"], true), (["pw"], true), (["pwd"], true), (["contrasena"], true), (["clave"], true),
        (["密", "码"], true), (["口", "令"], true), (["mat", "khau"], true), (["mk"], true),
    ];

    /// <summary>Units that may stand between the keyword and the secret ("is", "es", "是", "là", "my"…).</summary>
    private static readonly HashSet<string> Connectors =
        ["is", "es", "la", "my", "mi", "its", "it", "s", "number", "numero", "no", "是", "为", "cua", "toi", "minh", "的", "de", "el", "and", "y", "va", "code"];

    public static FoundSecrets Find(string? text)
    {
        var utterance = Utterance.Parse(text);
        var units = utterance.Units;
        var content = units.Where(u => u.IsContent || u.Kind == UnitKind.Secret).ToList();
        if (content.Count == 1 && content[0].Kind == UnitKind.Number && content[0].Text.Length is >= MinPinDigits and <= 8)
        {
            return new FoundSecrets(null, content[0].Start..content[0].End, WholeMessage: true);
        }

        Range? card = null;
        var cardIndex = -1;
        for (var i = 0; i < content.Count; i++)
        {
            if (content[i].Kind == UnitKind.Number && content[i].Text.Length is >= MinCardDigits and <= MaxCardDigits)
            {
                card = content[i].Start..content[i].End;
                cardIndex = i;
                break;
            }
        }

        var pin = AfterKeyword(content) ?? AfterCard(content, cardIndex);
        return new FoundSecrets(card, pin, false);
    }

    /// <summary>The message with the PIN replaced by <see cref="Utterance.SecretMarker"/>, and the PIN.</summary>
    public static (string Text, string? Pin) Redact(string text, FoundSecrets found)
    {
        if (found.Pin is not { } pin)
        {
            return (text, null);
        }

        var (offset, length) = pin.GetOffsetAndLength(text.Length);
        return (string.Concat(text.AsSpan(0, offset), Utterance.SecretMarker, text.AsSpan(offset + length)), text.Substring(offset, length));
    }

    private static Range? AfterKeyword(List<MessageUnit> content)
    {
        for (var i = 0; i < content.Count; i++)
        {
            foreach (var (keyword, anyWord) in Keywords)
            {
                if (!StartsWith(content, i, keyword))
                {
                    continue;
                }

                var j = i + keyword.Length;
                while (j < content.Count && Connectors.Contains(content[j].Text) && !(j + 1 >= content.Count))
                {
                    j++;
                }

                if (j >= content.Count)
                {
                    continue;
                }

                var candidate = content[j];
                if (candidate.Kind == UnitKind.Number && candidate.Text.Length is >= MinPinDigits and <= MaxPinDigits)
                {
                    return candidate.Start..candidate.End;
                }

                if (anyWord && candidate.Kind == UnitKind.Word && Extend(content, j) is var end && end - candidate.Start <= 32
                    && content.Any(u => u.Start >= candidate.Start && u.End <= end && u.Kind == UnitKind.Number))
                {
                    // A password typed in a sentence is recognised when it mixes letters and digits ("pass abc123");
                    // a password of letters only is only taken as one when the bot asked for it.
                    return candidate.Start..end;
                }
            }
        }

        return null;
    }

    /// <summary>A short number right after the card number ("29000100000086 2718", "…/2718"): the PIN.</summary>
    private static Range? AfterCard(List<MessageUnit> content, int cardIndex)
    {
        if (cardIndex < 0 || cardIndex + 1 >= content.Count)
        {
            return null;
        }

        var next = content[cardIndex + 1];
        return next.Kind == UnitKind.Number && next.Text.Length is >= MinPinDigits and <= 8 ? next.Start..next.End : null;
    }

    /// <summary>A password may mix letters and digits ("abc123" is cut into units): it runs to the next unit that is not adjacent.</summary>
    private static int Extend(List<MessageUnit> content, int index)
    {
        var end = content[index].End;
        for (var k = index + 1; k < content.Count && content[k].Start == end && content[k].Kind is UnitKind.Word or UnitKind.Number; k++)
        {
            end = content[k].End;
        }

        return end;
    }

    private static bool StartsWith(List<MessageUnit> content, int at, string[] keyword)
    {
        if (at + keyword.Length > content.Count)
        {
            return false;
        }

        for (var k = 0; k < keyword.Length; k++)
        {
            if (!string.Equals(content[at + k].Text, keyword[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
