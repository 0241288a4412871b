namespace LibraryBot.Bot.Conversations.Hours;

/// <summary><c>AutoReplies:*</c>: the library's quick answers (Wi-Fi, fines policy, services…), checked in order.</summary>
public sealed class AutoRepliesOptions
{
    public const string SectionName = "AutoReplies";

    public List<AutoReplyRule> Rules { get; set; } = [];
}
