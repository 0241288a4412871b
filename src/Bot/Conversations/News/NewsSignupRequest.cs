namespace LibraryBot.Bot.Conversations.News;

/// <summary>
/// What starts the news sign-up: a topic already named ("news events", a poster's link or QR code: the patron is asked
/// to confirm), or none (the topics are listed); <see cref="Another"/> after a pick, to offer the remaining topics.
/// </summary>
public sealed record NewsSignupRequest(string? TopicId, bool Another = false);
