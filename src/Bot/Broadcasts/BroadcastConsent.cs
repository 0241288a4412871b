using LibraryBot.Bot.Consent;
using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Broadcasts;

/// <summary>
/// The check made again just before a broadcast leaves for one chat: news not stopped since planning, and one of the
/// broadcast's topics still granted.
/// </summary>
public sealed class BroadcastConsent(PatronConsent consent)
{
    /// <summary>Why the chat must not get the broadcast now, or null when it may.</summary>
    public async Task<string?> RefusalAsync(ConversationRef address, Broadcast broadcast, CancellationToken cancellationToken)
    {
        if (await consent.LatestAsync(address, ConsentPurposes.News, cancellationToken).ConfigureAwait(false) is { Granted: false } news)
        {
            return ExclusionReasons.NewsWithdrawn(news.Record.Source) + " before sending";
        }

        foreach (var topic in broadcast.Audience.Topics)
        {
            if (await consent.IsGrantedAsync(address, BroadcastOptions.Purpose(topic), cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        return "left the topic before sending";
    }
}
