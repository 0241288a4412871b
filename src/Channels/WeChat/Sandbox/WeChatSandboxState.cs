using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace LibraryBot.Channels.WeChat.Sandbox;

/// <summary>
/// What the fake WeChat API knows: the one valid access token, followers and when each last wrote (the 48-hour
/// customer-service window), the menu, and every message it accepted, numbered.
/// </summary>
internal sealed class WeChatSandboxState(TimeProvider time)
{
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(48);
    public const int TokenLifetimeSeconds = 7200;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Follower> followers = new(StringComparer.Ordinal);
    private readonly List<WeChatSandboxMessage> messages = [];
    private string? token;
    private DateTimeOffset tokenExpires;
    private long msgIds = 24_000_000_000_000_000;

    public JsonArray? Menu { get; private set; }

    /// <summary>The stable token: the same one until it expires (or <paramref name="force"/>).</summary>
    public (string Token, int ExpiresIn) IssueToken(bool force)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (force || token is null || now >= tokenExpires)
            {
                token = "sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
                tokenExpires = now.AddSeconds(TokenLifetimeSeconds);
            }

            return (token, (int)(tokenExpires - now).TotalSeconds);
        }
    }

    public bool IsValidToken(string? candidate)
    {
        lock (gate)
        {
            return candidate is not null && candidate == token && time.GetUtcNow() < tokenExpires;
        }
    }

    public long NextMsgId() => Interlocked.Increment(ref msgIds);

    /// <summary>Records an interaction from the simulator: following, unfollowing, and opening the service window.</summary>
    public void Interacted(string openId, bool? follows, bool opensWindow)
    {
        lock (gate)
        {
            var f = followers.GetValueOrDefault(openId) ?? new Follower(true, null);
            followers[openId] = new Follower(follows ?? true, opensWindow ? time.GetUtcNow() : f.LastInbound);
        }
    }

    public bool Follows(string openId)
    {
        lock (gate)
        {
            return followers.TryGetValue(openId, out var f) && f.Follows;
        }
    }

    public bool InServiceWindow(string openId)
    {
        lock (gate)
        {
            return followers.TryGetValue(openId, out var f) && f.Follows && f.LastInbound is { } at && time.GetUtcNow() - at < ServiceWindow;
        }
    }

    public void SetMenu(JsonArray menu)
    {
        lock (gate)
        {
            Menu = menu;
        }
    }

    public WeChatSandboxMessage Record(string openId, string api, string body)
    {
        lock (gate)
        {
            var message = new WeChatSandboxMessage(messages.Count + 1, openId, api, JsonNode.Parse(body), time.GetUtcNow());
            messages.Add(message);
            return message;
        }
    }

    /// <summary>Records a message the fake delivered to one follower (a mass send's share of it).</summary>
    public WeChatSandboxMessage Record(string openId, string api, JsonNode body)
    {
        lock (gate)
        {
            var message = new WeChatSandboxMessage(messages.Count + 1, openId, api, body, time.GetUtcNow());
            messages.Add(message);
            return message;
        }
    }

    public IReadOnlyList<WeChatSandboxMessage> MessagesTo(string openId, long after)
    {
        lock (gate)
        {
            return messages.Where(m => m.Sequence > after && m.ToUser == openId).ToList();
        }
    }

    private sealed record Follower(bool Follows, DateTimeOffset? LastInbound);
}
