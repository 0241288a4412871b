using System.Globalization;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Conversations.Privacy;

/// <summary>
/// Whether the patron accepts news (marketing) messages, kept in the conversation with when and how it changed. An
/// opt-out is a suppression record: it survives "delete my data" (see <see cref="ConversationErasure"/>).
/// </summary>
public sealed class MarketingConsent
{
    public void OptOut(TurnContext context, string source)
    {
        context.State.Values[PrivacyKeys.MarketingOptOut] = context.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        context.State.Values[PrivacyKeys.MarketingOptOutSource] = source;
    }

    public void OptIn(TurnContext context)
    {
        context.State.Values.Remove(PrivacyKeys.MarketingOptOut);
        context.State.Values.Remove(PrivacyKeys.MarketingOptOutSource);
    }
}
