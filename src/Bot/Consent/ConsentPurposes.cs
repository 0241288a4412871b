namespace LibraryBot.Bot.Consent;

/// <summary>What a patron agrees to receive, recorded per channel: library notices, and news (by topic later).</summary>
public static class ConsentPurposes
{
    /// <summary>Notices about the patron's own loans and holds (hold ready, due soon, overdue).</summary>
    public const string Notices = "notices";

    /// <summary>News and announcements from the library (marketing).</summary>
    public const string News = "news";

    public static bool IsNews(string purpose) =>
        purpose == News || purpose.StartsWith(News + ":", StringComparison.Ordinal);
}
