using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Sms;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// Where a WhatsApp notice goes when WhatsApp cannot reach the number: the SMS conversation of the same number, when the
/// SMS channel is on (a host without it has no route).
/// </summary>
public sealed class SmsFallbackRoute(SmsConversations? sms)
{
    public bool Enabled => sms is { Enabled: true };

    /// <summary>
    /// The SMS conversation of a WhatsApp patron's number. A WhatsApp id is already the full international number's
    /// digits as Meta knows it, so only its E.164 form is checked (not libphonenumber's ranges for numbers typed by people).
    /// </summary>
    public bool TryRoute(ConversationRef whatsApp, out ConversationRef text)
    {
        text = default!;
        if (sms is not { Enabled: true } || whatsApp.Channel != ChannelId.WhatsApp || !SmsNumbers.IsE164("+" + whatsApp.UserId))
        {
            return false;
        }

        text = sms.With("+" + whatsApp.UserId);
        return true;
    }
}
