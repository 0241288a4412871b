namespace LibraryBot.Bot.Notices;

/// <summary>The notices of one run for one chat, sent as one message in the patron's language.</summary>
public sealed record NoticeDigest(string Id, string ConversationKey, string RunId, DateTimeOffset PlannedAt, IReadOnlyList<PlannedNotice> Notices)
{
    /// <summary>The inbox dedupe key of the digest's delivery turn; also how its outbox reply is found.</summary>
    public string DedupeKey => DedupePrefix + Id;

    public const string DedupePrefix = "notice:";

    /// <summary>The inbox dedupe key prefix of the digest's second delivery turn, by SMS, when WhatsApp could not deliver it.</summary>
    public const string SmsFallbackPrefix = "notice-sms:";
}
