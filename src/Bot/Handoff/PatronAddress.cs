using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// A patron's channel address as staff see it in the queue, masked: a WhatsApp or SMS number keeps its country code, the
/// next three digits and the last four ("+1 555 ••• 0142"); other ids keep their last four characters ("WeChat user ••3f9a").
/// </summary>
public static class PatronAddress
{
    private const string Dots = "•••";

    // ITU country calling codes of one and two digits; every other code has three.
    private static readonly HashSet<string> ShortCountryCodes =
    [
        "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86",
        "90", "91", "92", "93", "94", "95", "98",
    ];

    public static string Mask(ConversationRef conversation)
    {
        // SMS numbers are E.164 ("+15555550142"); WhatsApp ids are the same digits without "+".
        var id = conversation.Channel == ChannelId.Sms && conversation.UserId.StartsWith('+') ? conversation.UserId[1..] : conversation.UserId;
        if (conversation.Channel is ChannelId.WhatsApp or ChannelId.Sms && id.Length is >= 8 and <= 15 && id.All(char.IsAsciiDigit))
        {
            var code = id[..1] is var one && ShortCountryCodes.Contains(one) ? one
                : ShortCountryCodes.Contains(id[..2]) ? id[..2] : id[..3];
            var national = id[code.Length..];
            return national.Length >= 9
                ? $"+{code} {national[..3]} {Dots} {national[^4..]}"
                : $"+{code} {Dots} {national[^4..]}";
        }

        var channel = conversation.Channel switch
        {
            ChannelId.WeChat => "WeChat",
            ChannelId.Sms => "SMS",
            _ => "WhatsApp",
        };
        return $"{channel} user ••{(id.Length > 8 ? id[^4..] : string.Empty)}";
    }
}
