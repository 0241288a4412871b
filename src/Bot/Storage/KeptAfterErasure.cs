namespace LibraryBot.Bot.Storage;

/// <summary>
/// Conversation values a feature must keep when a patron's data is erased, to honour what the patron asked for (a
/// news opt-out is a suppression record: without it a patron who wrote STOP and then "delete my data" would receive
/// news again). Registered by the feature that owns the values.
/// </summary>
public sealed record KeptAfterErasure(IReadOnlyList<string> ValueKeys, string Why);
