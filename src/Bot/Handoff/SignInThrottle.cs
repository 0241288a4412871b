using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// Counts failed staff sign-ins per username and per client address over a sliding window
/// (<c>Handoff:SignInThrottle</c>). While either count is at its limit, sign-ins are refused without checking the
/// password. A success clears that username's failures, and only that username's failures from that address: the
/// failures other usernames collected from the same address still count. Kept in memory (per process), keyed by hashes.
/// </summary>
public sealed class SignInThrottle(IOptions<HandoffOptions> options, TimeProvider clock)
{
    /// <summary>Above this many tracked keys, every expired entry is dropped on the next failure.</summary>
    private const int PruneAbove = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateTimeOffset At, string User)>> _byAddress = new(StringComparer.Ordinal);

    private SignInThrottleOptions Settings => options.Value.SignInThrottle;

    private TimeSpan Window => TimeSpan.FromMinutes(Settings.WindowMinutes);

    /// <summary>When sign-ins for this username from this address may be tried again, or null when they may now.</summary>
    public DateTimeOffset? BlockedUntil(string username, string address)
    {
        var now = clock.GetUtcNow();
        var user = StaffLogIds.User(username);
        var from = StaffLogIds.Address(address);
        lock (_gate)
        {
            var byUser = Until(_byUser.GetValueOrDefault(user)?.Where(at => at > now - Window).ToList() ?? [], Settings.MaxFailuresPerUsername);
            var byAddress = Until(_byAddress.GetValueOrDefault(from)?.Where(f => f.At > now - Window).Select(f => f.At).ToList() ?? [], Settings.MaxFailuresPerAddress);
            return byUser is null ? byAddress : byAddress is null ? byUser : byUser > byAddress ? byUser : byAddress;
        }
    }

    public void RecordFailure(string username, string address)
    {
        var now = clock.GetUtcNow();
        var user = StaffLogIds.User(username);
        lock (_gate)
        {
            if (_byUser.Count + _byAddress.Count > PruneAbove)
            {
                PruneExpired(now);
            }

            var since = now - Window;
            var byUser = Get(_byUser, user);
            byUser.RemoveAll(at => at <= since);
            byUser.Add(now);
            var byAddress = Get(_byAddress, StaffLogIds.Address(address));
            byAddress.RemoveAll(f => f.At <= since);
            byAddress.Add((now, user));
        }
    }

    public void RecordSuccess(string username, string address)
    {
        var user = StaffLogIds.User(username);
        lock (_gate)
        {
            _byUser.Remove(user);
            var from = StaffLogIds.Address(address);
            if (_byAddress.TryGetValue(from, out var failures) && failures.RemoveAll(f => f.User == user) > 0 && failures.Count == 0)
            {
                _byAddress.Remove(from);
            }
        }
    }

    private DateTimeOffset? Until(List<DateTimeOffset> recent, int limit) =>
        recent.Count >= limit ? recent[recent.Count - limit] + Window : null;

    private void PruneExpired(DateTimeOffset now)
    {
        var since = now - Window;
        foreach (var (key, list) in _byUser.ToList())
        {
            if (list.RemoveAll(at => at <= since) > 0 && list.Count == 0)
            {
                _byUser.Remove(key);
            }
        }

        foreach (var (key, list) in _byAddress.ToList())
        {
            if (list.RemoveAll(f => f.At <= since) > 0 && list.Count == 0)
            {
                _byAddress.Remove(key);
            }
        }
    }

    private static List<T> Get<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }
}
