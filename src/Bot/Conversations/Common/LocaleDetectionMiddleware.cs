using System.Globalization;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Conversations.Common;

/// <summary>
/// Sets the patron's language from their first messages (script, marks, common words), over the channel's hint
/// (WeChat says zh-Hans, WhatsApp guesses from the country code). After <see cref="MessagesObserved"/> messages, or once
/// the patron names a language, the choice is kept until they switch.
/// </summary>
public sealed class LocaleDetectionMiddleware(BotText text) : ITurnMiddleware
{
    public const int MessagesObserved = 3;
    public const string ObservedKey = "locale.observed";

    public Task OnTurnAsync(TurnContext context, TurnHandler next, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var state = context.State;
        state.Locale ??= BotLocales.Normalize(activity.LocaleHint);
        if (activity.Type == ActivityType.Message && Observed(state) < MessagesObserved)
        {
            var command = GlobalCommand.Recognize(activity, text);
            if (command.Kind == GlobalCommandKind.Language)
            {
                state.Values[ObservedKey] = MessagesObserved.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                state.Locale = LocaleDetector.Detect(activity.Text) ?? state.Locale;
                state.Values[ObservedKey] = (Observed(state) + 1).ToString(CultureInfo.InvariantCulture);
            }
        }

        return next(context, cancellationToken);
    }

    private static int Observed(ConversationState state) =>
        state.Values.TryGetValue(ObservedKey, out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
