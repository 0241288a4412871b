using LibraryBot.Channels.Outbound;

namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>
/// WhatsApp lists hold 10 rows. A question with more choices is shown a page at a time: 9 choices and a "More…" row
/// whose id is <c>__more:{next page}</c>. When the patron picks it, the engine re-sends the same question rendered by
/// <see cref="Page"/> for that page (pages are numbered from 1).
/// </summary>
public static class WhatsAppChoicePaging
{
    public const string MorePrefix = ChoiceQuestion.MorePrefix;

    public const int ChoicesPerPage = WhatsAppLimits.MaxRows - 1;

    /// <summary>The question with only the choices of <paramref name="page"/> (and a "More…" choice when more follow).</summary>
    public static ChoiceQuestion Page(ChoiceQuestion question, int page, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var start = (page - 1) * ChoicesPerPage;
        if (page < 1 || (start >= question.Choices.Count && question.Choices.Count > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, $"The question has {PageCount(question)} page(s).");
        }

        var remaining = question.Choices.Count - start;
        if (remaining <= WhatsAppLimits.MaxRows)
        {
            return question with { Choices = [.. question.Choices.Skip(start)] };
        }

        var more = new Choice(MorePrefix + (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), WhatsAppWording.For(locale).More);
        return question with { Choices = [.. question.Choices.Skip(start).Take(ChoicesPerPage), more] };
    }

    public static int PageCount(ChoiceQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var count = question.Choices.Count;
        return count <= WhatsAppLimits.MaxRows ? 1 : 1 + (int)Math.Ceiling((count - WhatsAppLimits.MaxRows) / (double)ChoicesPerPage);
    }

    /// <summary>True when <paramref name="choiceId"/> is a "More…" row; <paramref name="page"/> is the page to show.</summary>
    public static bool TryParseMore(string? choiceId, out int page) => ChoiceQuestion.TryParseMore(choiceId, out page);
}
