using System.Text.Json;
using System.Text.Json.Serialization;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Storage;

namespace LibraryBot.Bot.Conversations.Account;

/// <summary>
/// Wrong PINs in this chat: a count and the start of its window (never the PINs). Five within fifteen minutes lock
/// card linking until the window has passed.
/// </summary>
public sealed record PinLockout(int Failures, DateTimeOffset WindowStart)
{
    public const int MaxFailures = 5;
    public const string StateKey = "pin.lockout";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [JsonIgnore]
    public DateTimeOffset WindowEnd => WindowStart + Window;

    public static PinLockout? Read(ConversationState state) =>
        state.Values.TryGetValue(StateKey, out var json) ? JsonSerializer.Deserialize<PinLockout>(json, StoreJson.Options) : null;

    /// <summary>The end of the lockout when linking is locked now, else null.</summary>
    public static DateTimeOffset? LockedUntil(ConversationState state, DateTimeOffset now) =>
        Read(state) is { Failures: >= MaxFailures } l && now < l.WindowEnd ? l.WindowEnd : null;

    /// <summary>Counts a wrong PIN and returns how many tries are left in the window.</summary>
    public static int RecordFailure(ConversationState state, DateTimeOffset now)
    {
        var current = Read(state);
        var next = current is null || now >= current.WindowEnd ? new PinLockout(1, now) : current with { Failures = current.Failures + 1 };
        state.Values[StateKey] = JsonSerializer.Serialize(next, StoreJson.Options);
        return Math.Max(0, MaxFailures - next.Failures);
    }

    /// <summary>The library system locked the card itself: lock linking here too for the whole window.</summary>
    public static void Lock(ConversationState state, DateTimeOffset now) =>
        state.Values[StateKey] = JsonSerializer.Serialize(new PinLockout(MaxFailures, now), StoreJson.Options);

    public static void Reset(ConversationState state) => state.Values.Remove(StateKey);
}
