using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// Keeps the conversation in the patron's language: the channel's hint at first (WeChat says zh-Hans, WhatsApp guesses
/// from the country code), then the language each message is clearly written in (Chinese characters, Vietnamese or
/// Spanish letters, a phrase only one language uses — never the words of a title being searched). Once the patron names
/// a language, that choice stands until they name another.
/// </summary>
public sealed class LanguageMiddleware : ITurnMiddleware
{
    public const string ChosenKey = "locale.chosen";

    public Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        var state = context.State;
        state.Locale ??= BotLocales.Normalize(context.Activity.LocaleHint);
        if (context.Activity.Type == ActivityType.Message && !state.Values.ContainsKey(ChosenKey)
            && context.Interpretation.Language is { } detected)
        {
            state.Locale = detected;
        }

        return next(context, cancellationToken);
    }

    /// <summary>The patron named a language: it stands until they name another.</summary>
    public static void Choose(ConversationState state, string locale)
    {
        state.Locale = locale;
        state.Values[ChosenKey] = "true";
    }
}
