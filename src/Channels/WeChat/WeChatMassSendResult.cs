using System.Globalization;
using System.Xml.Linq;

namespace LibraryBot.Channels.WeChat;

/// <summary>
/// The <c>MASSSENDJOBFINISH</c> event of one mass send (outbound.md §2.4), carried as the value of the
/// <see cref="Activities.ChannelEventKind.JobFinished"/> event: <see cref="Format"/> writes it, <see cref="TryParse"/>
/// reads it back. Tencent's meanings: <see cref="TotalCount"/> the OpenIDs in the list; <see cref="FilterCount"/> the
/// followers left to send to after filtering (patrons who refuse the account's messages, followers who already got 4
/// mass messages this month), so <c>TotalCount − FilterCount</c> were filtered out; <see cref="SentCount"/> sent;
/// <see cref="ErrorCount"/> failed (in principle <c>FilterCount = SentCount + ErrorCount</c>).
/// <see cref="Status"/> is <c>send success</c>, <c>send fail</c> or <c>err(num)</c> (a content review refusal);
/// "send success" may still leave some patrons unreached.
/// </summary>
public sealed record WeChatMassSendResult(long MsgId, string Status, int TotalCount, int FilterCount, int SentCount, int ErrorCount)
{
    public const string Success = "send success";

    private const char Separator = '|';

    public bool Succeeded => Status == Success;

    /// <summary>How many were filtered out before sending: <see cref="TotalCount"/> − <see cref="FilterCount"/>.</summary>
    public int FilteredOut => Math.Max(0, TotalCount - FilterCount);

    /// <summary>
    /// <c>{MsgId}|{TotalCount}|{FilterCount}|{SentCount}|{ErrorCount}|{Status}</c>, for example
    /// <c>1000001625|10|8|7|1|send success</c> (the status last, as it may contain any character).
    /// </summary>
    public string Format() => string.Join(Separator,
        MsgId.ToString(CultureInfo.InvariantCulture), TotalCount.ToString(CultureInfo.InvariantCulture), FilterCount.ToString(CultureInfo.InvariantCulture),
        SentCount.ToString(CultureInfo.InvariantCulture), ErrorCount.ToString(CultureInfo.InvariantCulture), Status);

    /// <summary>Reads a value written by <see cref="Format"/>; false for anything else.</summary>
    public static bool TryParse(string? value, out WeChatMassSendResult result)
    {
        result = null!;
        var parts = value?.Split(Separator, 6);
        if (parts is not { Length: 6 } || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var msgId))
        {
            return false;
        }

        var counts = new int[4];
        for (var i = 0; i < 4; i++)
        {
            if (!int.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out counts[i]))
            {
                return false;
            }
        }

        result = new WeChatMassSendResult(msgId, parts[5], counts[0], counts[1], counts[2], counts[3]);
        return true;
    }

    /// <summary>The event's fields from its XML; null when MsgID is missing or not a number. Missing counts read as 0.</summary>
    internal static WeChatMassSendResult? FromXml(XElement xml)
    {
        if (!long.TryParse(xml.Field("MsgID") ?? xml.Field("MsgId"), NumberStyles.None, CultureInfo.InvariantCulture, out var msgId))
        {
            return null;
        }

        return new WeChatMassSendResult(msgId, xml.Field("Status") ?? string.Empty, Count(xml, "TotalCount"), Count(xml, "FilterCount"), Count(xml, "SentCount"), Count(xml, "ErrorCount"));
    }

    private static int Count(XElement xml, string name) =>
        int.TryParse(xml.Field(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
