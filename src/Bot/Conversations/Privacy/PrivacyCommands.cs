using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Conversations.Privacy;

/// <summary>
/// The privacy words that work at any step (STOP/BAJA/退订/HỦY and their opposites) and the channels' own opt-out,
/// opt-in and unfollow events. Consent is recorded in the conversation's values with when and how it changed.
/// </summary>
public static class PrivacyCommands
{
    /// <summary>True when the message was a marketing stop or start word (the confirmation was sent).</summary>
    public static bool TryHandleWords(TurnContext context, BotText text)
    {
        if (context.Activity.Type != ActivityType.Message)
        {
            return false;
        }

        if (text.MatchesAnyLanguage("Words.StopMarketing", context.Activity.Text))
        {
            OptOut(context, "patron wrote a stop word");
            context.SendText(text.Get("Privacy.MarketingStopped", context.Locale));
            return true;
        }

        if (text.MatchesAnyLanguage("Words.StartMarketing", context.Activity.Text))
        {
            context.State.Values.Remove(PrivacyKeys.MarketingOptOut);
            context.State.Values.Remove(PrivacyKeys.MarketingOptOutSource);
            context.SendText(text.Get("Privacy.MarketingStarted", context.Locale));
            return true;
        }

        return false;
    }

    /// <summary>Applies the channel's opt-out, opt-in and unfollow events; true when the event was one of them.</summary>
    public static bool TryHandleEvent(TurnContext context, ChannelEvent channelEvent)
    {
        switch (channelEvent.Kind)
        {
            case ChannelEventKind.MarketingOptOut:
                OptOut(context, "channel opt-out");
                return true;
            case ChannelEventKind.MarketingOptIn:
                context.State.Values.Remove(PrivacyKeys.MarketingOptOut);
                context.State.Values.Remove(PrivacyKeys.MarketingOptOutSource);
                return true;
            case ChannelEventKind.Unfollow:
                // The patron left: nothing more may be sent, and what we keep about them goes (data-removal policy).
                context.State.DialogStack.Clear();
                context.Erase = ConversationErasure.StopEverything;
                return true;
            default:
                return false;
        }
    }

    private static void OptOut(TurnContext context, string source)
    {
        context.State.Values[PrivacyKeys.MarketingOptOut] = context.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        context.State.Values[PrivacyKeys.MarketingOptOutSource] = source;
    }
}
