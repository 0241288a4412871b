namespace LibraryBot.Bot.Notices;

/// <summary>The notices of one run for one chat, sent as one message in the patron's language.</summary>
public sealed record NoticeDigest(string Id, string ConversationKey, string RunId, DateTimeOffset PlannedAt, IReadOnlyList<PlannedNotice> Notices)
{
    /// <summary>The inbox dedupe key of the digest's delivery turn; also how its outbox reply is found.</summary>
    public string DedupeKey => DedupePrefix + Id;

    public const string DedupePrefix = "notice:";

    /// <summary>The inbox dedupe key prefix of the digest's second delivery turn, by SMS, when WhatsApp could not deliver it.</summary>
    public const string SmsFallbackPrefix = "notice-sms:";

    /// <summary>
    /// The notice event's value for a delivery turn in another chat than the digest's (the SMS fallback): the digest's id
    /// and its chat's conversation key, which keys the ledger.
    /// </summary>
    public static string EventValueFor(string digestId, string subscriberKey) => digestId + " " + subscriberKey;

    /// <summary>The digest id and its chat's key from a notice event's value (a bare id is a digest of this chat).</summary>
    public static (string DigestId, string SubscriberKey) ParseEventValue(string value, string here) =>
        value.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? (value[..space], value[(space + 1)..]) : (value, here);
}
