using LibraryBot.Bot.Outbox;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Telemetry;
using LibraryBot.Bot.Inbox;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// A notice digest WhatsApp could not deliver because the number cannot receive WhatsApp messages (131026) is handed
/// to the SMS conversation of the same number, as its own inbox entry: that turn checks consent and the library system
/// again and sends the digest by text message (seed 000: many patrons have a phone but no internet). The dedupe key
/// makes it once per digest, however many times the failure is reported.
/// </summary>
public sealed class NoticeSmsFallback(InboxWriter inbox, SmsFallbackRoute route, TimeProvider clock, BotMetrics metrics, ILogger<NoticeSmsFallback> logger)
    : IRecipientEffectHandler
{
    public async Task OnEffectAsync(OutboxItem item, RecipientEffect effect, CancellationToken cancellationToken)
    {
        if (effect != RecipientEffect.Unreachable || item.InboundDedupeKey is not { } key || !key.StartsWith(NoticeDigest.DedupePrefix, StringComparison.Ordinal)
            || !route.TryRoute(item.To, out var text))
        {
            return;
        }

        var digestId = key[NoticeDigest.DedupePrefix.Length..];
        await inbox.AcceptAsync([new Activity
        {
            Conversation = text,
            Type = ActivityType.Event,
            Event = new ChannelEvent(ChannelEventKind.Notice, NoticeDigest.EventValueFor(digestId, item.To.Key)),
            DedupeKey = NoticeDigest.SmsFallbackPrefix + digestId,
            Timestamp = clock.GetUtcNow(),
        }], cancellationToken).ConfigureAwait(false);
        metrics.Notices("digest", "sms_fallback");
        NoticesLog.FellBackToSms(logger, digestId);
    }
}
