namespace LibraryBot.Bot.Conversations.Privacy;

/// <summary>Conversation values that record a patron's privacy choices (consent is checked against these).</summary>
public static class PrivacyKeys
{
    /// <summary>When the patron stopped marketing messages (ISO 8601); absent = not stopped.</summary>
    public const string MarketingOptOut = "marketing.optout";

    /// <summary>Where the opt-out came from (the words the patron wrote, or the channel's own opt-out).</summary>
    public const string MarketingOptOutSource = "marketing.optout.source";

    public static bool AcceptsMarketing(Engine.ConversationState state) => !state.Values.ContainsKey(MarketingOptOut);
}
