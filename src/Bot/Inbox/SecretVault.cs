using System.Collections.Concurrent;

namespace LibraryBot.Bot.Inbox;

/// <summary>
/// PINs taken out of messages before they were stored, kept in this process's memory only until the message's turn
/// has committed (at most <see cref="Lifetime"/>). A restart forgets them: the patron is then asked again. They are
/// never written to the database, its WAL, a log or a transcript.
/// </summary>
public sealed class SecretVault(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, KeptSecret> _secrets = new(StringComparer.Ordinal);

    public int Count => _secrets.Count;

    public void Keep(string dedupeKey, string secret, bool wholeMessage)
    {
        var now = clock.GetUtcNow();
        _secrets[dedupeKey] = new KeptSecret(secret, wholeMessage, now + Lifetime);
        if (_secrets.Count > 64)
        {
            foreach (var (key, kept) in _secrets)
            {
                if (kept.Expires < now)
                {
                    _secrets.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>The secret of this message, if this process still has it (a turn may run more than once: it stays until <see cref="Forget"/>).</summary>
    public KeptSecret? Peek(string dedupeKey) =>
        _secrets.TryGetValue(dedupeKey, out var kept) && kept.Expires >= clock.GetUtcNow() ? kept : null;

    public void Forget(string dedupeKey) => _secrets.TryRemove(dedupeKey, out _);
}
