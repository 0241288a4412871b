using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Logging;

namespace LibraryBot.Channels.Sms.Sending;

/// <summary>
/// Sends outbound messages as SMS through Twilio: each message rendered as plain text (<see cref="SmsMessageText"/>),
/// cut into bodies of at most 1,600 characters, sent in order from the conversation's number (or its Messaging
/// Service). SMS has no service window: any message may go at any time. Never throws for channel errors.
/// </summary>
internal sealed class SmsSender(TwilioMessagesClient client, SmsSettings settings, ILogger<SmsSender> logger) : IChannelSender
{
    public ChannelId Channel => ChannelId.Sms;

    public async Task<SendOutcome> SendAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var user = SmsLog.Hash(envelope.To.UserId);
        var (outcome, sent) = await SendCoreAsync(envelope, cancellationToken);
        if (outcome.Kind == SendOutcomeKind.Sent)
        {
            SmsLog.Sent(logger, sent, user, envelope.OutboxId);
        }
        else
        {
            SmsLog.SendNotSent(logger, user, envelope.OutboxId, outcome.Kind.ToString(), outcome.ErrorCode);
        }

        return outcome;
    }

    private async Task<(SendOutcome Outcome, int Sent)> SendCoreAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.To.Channel != ChannelId.Sms)
        {
            return (SendOutcome.Failed($"The SMS sender cannot send to a {envelope.To.Channel} conversation."), 0);
        }

        if (!settings.Enabled)
        {
            return (SendOutcome.Failed("SMS is off (Channels:Sms:Provider is None and the sandbox is off).", "disabled"), 0);
        }

        if (!SmsNumbers.IsE164(envelope.To.UserId))
        {
            return (SendOutcome.Failed("The conversation's SMS number is not in E.164.", "address", RecipientEffect.Unreachable), 0);
        }

        var bodies = SmsMessageText.Render(envelope.Message);
        if (bodies.Count == 0)
        {
            return (SendOutcome.Failed("The message has no text to send by SMS.", "render"), 0);
        }

        // Reply from the number the conversation is on; a Messaging Service conversation lets the service pick it.
        var from = SmsNumbers.IsE164(envelope.To.AccountId) ? envelope.To.AccountId : settings.From ?? string.Empty;
        var sent = 0;
        SendOutcome outcome = SendOutcome.Failed("Nothing to send.");
        foreach (var body in bodies)
        {
            outcome = await client.CreateAsync(from, settings.MessagingServiceSid, envelope.To.UserId, body, cancellationToken);
            if (outcome.Kind != SendOutcomeKind.Sent)
            {
                return (outcome, sent);
            }

            sent++;
        }

        return (outcome, sent);
    }
}
