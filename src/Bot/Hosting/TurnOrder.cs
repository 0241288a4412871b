using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Conversations;
using LibraryBot.Bot.Conversations.Common;
using LibraryBot.Bot.Conversations.Location;
using LibraryBot.Bot.Conversations.Notices;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Engine.Middleware;
using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Hosting;

/// <summary>
/// The turn pipeline, first to last, in one place. Each feature registers its middleware; this list says when it runs
/// (a middleware registered but missing here stops the start; one listed but not registered — the console's, with
/// Cosmos DB — is skipped).
/// </summary>
public static class TurnOrder
{
    public static readonly TurnMiddlewareOrder Middleware = new(
    [
        typeof(DedupeMiddleware),             // an activity this conversation already processed: dropped
        typeof(ReadReceiptMiddleware),        // blue ticks; the typing indicator when the turn is slow
        typeof(RateLimitMiddleware),          // a patron sending too fast is asked to slow down
        typeof(AutomaticLocationMiddleware),  // WeChat's automatic location reports: not something the patron said
        typeof(UnderstandingMiddleware),      // what the message asks: intent, confidence, entities, language
        typeof(LanguageMiddleware),           // the conversation's language follows the patron's (an explicit choice stands)
        typeof(MassSendFinishedMiddleware),   // WeChat's MASSSENDJOBFINISH: counts for a broadcast's funnel (no conversation)
        typeof(NoticeDeliveryMiddleware),     // the notice run's digest for this chat: checked again, then sent (even during a handoff)
        typeof(BroadcastDeliveryMiddleware),  // a broadcast for this chat: consent checked again, then sent (not while a librarian talks)
        typeof(HandoffGateMiddleware),        // a librarian owns the chat: the bot stays silent (the gate records the message)
        typeof(TranscriptMiddleware),         // the patron's message and the bot's replies go to the transcript (PINs never)
        typeof(WelcomeMiddleware),            // first contact: greeting and privacy notice
        typeof(ChannelEventsMiddleware),      // follow, QR scan, unfollow, the channel's opt-out
        typeof(CatalogueFailureMiddleware),   // the library system failed: apology and a librarian offer
        typeof(NoticeOfferMiddleware),        // once a linked card's task is done: may we send notices here? (asked once)
    ]);
}
