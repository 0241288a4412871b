using LibraryBot.Channels.Activities;

namespace LibraryBot.Channels.Sms;

/// <summary>
/// For code outside the channel that starts an SMS conversation (a notice falling back to SMS, a patron who asked to
/// be texted): whether SMS is on, the number typed by a person in E.164, and the conversation with that number.
/// </summary>
public sealed class SmsConversations
{
    private readonly SmsSettings settings;

    internal SmsConversations(SmsSettings settings) => this.settings = settings;

    /// <summary>SMS can be sent (Provider Twilio, or the sandbox).</summary>
    public bool Enabled => settings.Enabled;

    /// <summary>The <see cref="ConversationRef.AccountId"/> of SMS conversations (the library's number, or its Messaging Service SID).</summary>
    public string AccountId => settings.AccountId;

    /// <summary>"0612 345 678", "+1 (415) 555-2671"… → E.164, reading numbers without a country code as <c>Channels:Sms:DefaultRegion</c>.</summary>
    public bool TryNormalize(string? input, out string e164) => SmsNumbers.TryNormalize(input, settings.DefaultRegion, out e164);

    /// <summary>As <see cref="TryNormalize(string?, out string)"/>, reading numbers without a country code as <paramref name="region"/> when given.</summary>
    public bool TryNormalize(string? input, string? region, out string e164) => SmsNumbers.TryNormalize(input, region ?? settings.DefaultRegion, out e164);

    /// <summary>The SMS conversation with the patron's number (E.164, e.g. from <see cref="TryNormalize"/>).</summary>
    public ConversationRef With(string patronE164) =>
        SmsNumbers.IsE164(patronE164)
            ? new ConversationRef(ChannelId.Sms, settings.AccountId, patronE164)
            : throw new ArgumentException("The number must be in E.164 (use TryNormalize first).", nameof(patronE164));
}
