using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>Finds the first auto-reply rule with a keyword in the message (whole words; substrings in Chinese).</summary>
public sealed class AutoReplyRecognizer(IOptions<AutoRepliesOptions> options) : IIntentRecognizer
{
    public const string IntentName = "autoreply";

    private readonly (string Name, string[] Keywords)[] _rules = options.Value.Rules
        .Select(r => (r.Name, r.Keywords.Values.SelectMany(k => k).Select(TextNormalizer.Fold).Where(k => k.Length > 0).ToArray()))
        .ToArray();

    public IntentMatch? Recognize(TurnContext context)
    {
        var activity = context.Activity;
        if (activity.Type != ActivityType.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return null;
        }

        var padded = " " + string.Concat(TextNormalizer.Fold(activity.Text).Select(c => char.IsPunctuation(c) && c != '-' ? ' ' : c)) + " ";
        var rule = _rules.FirstOrDefault(r => r.Keywords.Any(k => KeywordMatch.Contains(padded, k)));
        return rule.Name is null ? null : new IntentMatch(IntentName, new AutoReplyRequest(rule.Name));
    }
}
