using Microsoft.Extensions.Logging;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// The handoff's and console's log messages (event ids 15xx). Conversations, usernames and client addresses are hashed
/// (someone may type a phone number or card number as a username); no message text or patron ids.
/// </summary>
internal static partial class HandoffLog
{
    [LoggerMessage(1501, LogLevel.Information, "Created the first staff admin account (user {User}) from Handoff:Admin")]
    public static partial void AdminCreated(ILogger logger, string user);

    [LoggerMessage(1502, LogLevel.Information, "Transcript sweep: {Deleted} entries deleted, {Masked} masked")]
    public static partial void TranscriptsSwept(ILogger logger, int deleted, int masked);

    [LoggerMessage(1503, LogLevel.Error, "Transcript sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(1504, LogLevel.Warning, "Staff sign-in refused for user {User} from address {Address}")]
    public static partial void SignInRefused(ILogger logger, string user, string address);

    [LoggerMessage(1505, LogLevel.Information, "Staff user {User} did {Action} on conversation {Conversation}")]
    public static partial void StaffAction(ILogger logger, string user, string action, string conversation);

    [LoggerMessage(1506, LogLevel.Warning, "Could not read the linked patron's account for conversation {Conversation} ({ErrorType})")]
    public static partial void PatronContextFailed(ILogger logger, string conversation, string errorType);

    [LoggerMessage(1507, LogLevel.Warning, "Could not notify the console about conversation {Conversation}")]
    public static partial void NotifyFailed(ILogger logger, Exception exception, string conversation);

    [LoggerMessage(1508, LogLevel.Warning, "Staff sign-in throttled for user {User} from address {Address}: retry in {RetryAfterSeconds} s")]
    public static partial void SignInThrottled(ILogger logger, string user, string address, int retryAfterSeconds);

    [LoggerMessage(1509, LogLevel.Information, "Staff user {User} did {Action} on staff account {Target}")]
    public static partial void AccountAction(ILogger logger, string user, string action, string target);

    [LoggerMessage(1510, LogLevel.Information, "Staff user {User} signed in ({Role}, {Presence})")]
    public static partial void SignedIn(ILogger logger, string user, string role, string presence);

    [LoggerMessage(1511, LogLevel.Information, "Created the sandbox's demo librarian account (user {User})")]
    public static partial void DemoLibrarianCreated(ILogger logger, string user);

    [LoggerMessage(1512, LogLevel.Information,
        "LibraryBot is running in SANDBOX mode: open {Url} to chat with it; the console beside the patron signs in as {Username} with password {Password} (shown only this once)")]
    public static partial void SandboxStartedWithLibrarian(ILogger logger, string url, string username, string password);
}
