using System.Globalization;
using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Understanding;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Conversations.News;

/// <summary>
/// The configured topics as phrases of the understanding layer (<c>news-signup:&lt;topic&gt;</c>): "news events",
/// "noticias actividades", "订阅活动", "tin tức sự kiện" and their variants (<c>News.TopicPhrases</c>) ask to sign up for
/// that topic. <see cref="PosterText"/> is the first of them, prefilled by a poster's WhatsApp link.
/// </summary>
public sealed class NewsTopicPhrases(IOptions<BroadcastOptions> broadcasts, BotText text) : IPhraseSource
{
    public IEnumerable<(string Key, string Language, string Phrase)> Phrases() =>
        from topic in broadcasts.Value.EffectiveTopics
        from locale in BotLocales.All
        from phrase in Templates(text, locale)
        select ($"{IntentNames.NewsSignup}:{topic.Id}", locale, string.Format(CultureInfo.InvariantCulture, phrase, Name(topic, locale)));

    /// <summary>The words a poster's link prefills for the topic in that language ("news events", "订阅活动").</summary>
    public static string PosterText(BotText text, BroadcastTopic topic, string locale) =>
        string.Format(CultureInfo.InvariantCulture, text.Get("News.PosterText", locale), Name(topic, locale));

    private static IEnumerable<string> Templates(BotText text, string locale) =>
        text.Get("News.TopicPhrases", locale).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Name(BroadcastTopic topic, string locale) => TopicNames.In(topic, locale).ToLower(BotLocales.Culture(locale));
}
