using LibraryBot.Bot.Inbox;
using LibraryBot.Bot.Telemetry;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// Hands a chat's notice digest to an SMS conversation (<see cref="SmsFallbackRoute"/>) as its own inbox entry: that
/// turn checks consent and the library system again and sends the digest by text message. The dedupe key makes it
/// once per digest, however often it is handed over (a failure reported twice, a turn run again).
/// </summary>
public sealed class SmsDigestHandOver(InboxWriter inbox, TimeProvider clock, BotMetrics metrics, ILogger<SmsDigestHandOver> logger)
{
    public async Task HandOverAsync(string digestId, ConversationRef subscriber, ConversationRef text, string why, CancellationToken cancellationToken)
    {
        await inbox.AcceptAsync([new Activity
        {
            Conversation = text,
            Type = ActivityType.Event,
            Event = new ChannelEvent(ChannelEventKind.Notice, NoticeDigest.EventValueFor(digestId, subscriber.Key)),
            DedupeKey = NoticeDigest.SmsFallbackPrefix + digestId,
            Timestamp = clock.GetUtcNow(),
        }], cancellationToken).ConfigureAwait(false);
        metrics.Notices("digest", "sms_fallback");
        NoticesLog.HandedToSms(logger, digestId, why);
    }
}
