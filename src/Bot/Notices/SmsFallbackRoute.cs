using LibraryBot.Bot.Engine;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Sms;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// Where a chat's notices go by text message, when the SMS channel is on (a host without it has no route): the number
/// the patron registered in that chat (<see cref="SmsRoute"/>), else — for WhatsApp — the same number. Used when the
/// chat's channel cannot reach the patron, and for patrons who chose SMS only.
/// </summary>
public sealed class SmsFallbackRoute(SmsConversations? sms)
{
    public bool Enabled => sms is { Enabled: true };

    /// <summary>
    /// A number typed by a person ("(415) 555-0100", "+34 612 34 56 78") in E.164. Without a country code it is read as
    /// a number of the chat's own country when the chat has one (a WhatsApp number: a patron on +34 who writes
    /// "612 34 56 78" means a Spanish mobile), else of the library's <c>Channels:Sms:DefaultRegion</c>.
    /// </summary>
    public bool TryNormalize(string? typed, ConversationRef? chat, out string e164)
    {
        e164 = string.Empty;
        var region = chat is { Channel: ChannelId.WhatsApp or ChannelId.Sms } ? SmsNumbers.RegionOf(chat.UserId) : null;
        return sms is { Enabled: true } && sms.TryNormalize(typed, region, out e164);
    }

    /// <summary>The SMS conversation with a number in E.164.</summary>
    public ConversationRef Conversation(string e164) =>
        sms is { Enabled: true } ? sms.With(e164) : throw new InvalidOperationException("The SMS channel is off.");

    /// <summary>
    /// The SMS conversation for a chat's notices: the number registered there, else a WhatsApp patron's own number (a
    /// WhatsApp id is already the full international number's digits as Meta knows it, so only its E.164 form is checked).
    /// </summary>
    public ConversationRef? For(ConversationRef chat, ConversationState? state)
    {
        if (sms is not { Enabled: true })
        {
            return null;
        }

        if (state is not null && SmsRoute.Of(state) is { } registered)
        {
            return sms.With(registered.Number);
        }

        return chat.Channel == ChannelId.WhatsApp && SmsNumbers.IsE164("+" + chat.UserId) ? sms.With("+" + chat.UserId) : null;
    }

    /// <summary>The SMS conversation of a chat whose patron chose notices by SMS only; null otherwise.</summary>
    public ConversationRef? SmsOnly(ConversationState state) =>
        sms is { Enabled: true } && SmsRoute.Of(state) is { SmsOnly: true } route ? sms.With(route.Number) : null;
}
