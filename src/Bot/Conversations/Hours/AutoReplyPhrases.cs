using LibraryBot.Bot.Understanding;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>The library's auto-reply keywords (<c>AutoReplies:Rules</c>) as phrases of the understanding layer (<c>autoreply:&lt;rule&gt;</c>).</summary>
public sealed class AutoReplyPhrases(IOptions<AutoRepliesOptions> options) : IPhraseSource
{
    public IEnumerable<(string Key, string Language, string Phrase)> Phrases() =>
        options.Value.Rules.SelectMany(rule => rule.Keywords.SelectMany(languages => languages.Value.Select(keyword =>
            ($"{IntentNames.AutoReply}:{rule.Name}", languages.Key, keyword))));
}
