namespace LibraryBot.Bot.Storage;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
    Held = 3,
    /// <summary>Delivered in the webhook's HTTP response (WeChat passive reply).</summary>
    SentPassively = 4,
}
