using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Conversations.Search;

/// <summary>
/// "search moby dick", "buscar pepita jiménez", "找 红楼梦", "tìm truyện kiều"; registered last, it also tries any other
/// message that nothing else understood as a search (when a catalogue is configured).
/// </summary>
public sealed class SearchRecognizer(BotText text) : IIntentRecognizer
{
    public const string IntentName = "search";

    public IntentMatch? Recognize(TurnContext context)
    {
        var activity = context.Activity;
        var message = activity.Text?.Trim();
        if (activity.Type != ActivityType.Message || string.IsNullOrEmpty(message) || context.Services.GetService<ICatalogueSearch>() is null)
        {
            return null;
        }

        var terms = StripPrefix(message);
        if (terms is not null)
        {
            return new IntentMatch(IntentName, new SearchRequest(terms.Length == 0 ? null : terms));
        }

        return message.Length >= 2 ? new IntentMatch(IntentName, new SearchRequest(message, Explicit: false, MisunderstoodBefore: context.State.MisunderstoodInARow)) : null;
    }

    /// <summary>The words after a search verb ("" when only the verb), or null when the message has no search verb.</summary>
    private string? StripPrefix(string message)
    {
        var prefixes = BotLocales.All.SelectMany(l => text.Get("Words.SearchPrefix", l).Split('|', StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length);
        foreach (var prefix in prefixes)
        {
            if (!message.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && !TextNormalizer.Fold(message).StartsWith(TextNormalizer.Fold(prefix), StringComparison.Ordinal))
            {
                continue;
            }

            var rest = message.Length > prefix.Length ? message[prefix.Length..] : string.Empty;
            var cjk = Common.KeywordMatch.IsCjk(prefix[0]);
            if (rest.Length == 0 || cjk || char.IsWhiteSpace(rest[0]) || rest[0] == ':')
            {
                return rest.Trim().TrimStart(':').Trim();
            }
        }

        return null;
    }
}
