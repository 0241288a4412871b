using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Conversations.News;

/// <summary>A topic's name in one of the bot's locales (topics are named by language code: <c>zh</c> for <c>zh-Hans</c>).</summary>
public static class TopicNames
{
    public static string LanguageCode(string locale) => locale == BotLocales.Chinese ? "zh" : locale;

    public static string In(BroadcastTopic topic, string locale) => topic.NameIn(LanguageCode(locale));
}
