using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>What the fake Graph API accepted, in memory, per recipient (the newest 500 each).</summary>
internal sealed class WhatsAppSandboxStore(TimeProvider time)
{
    private const int KeptPerRecipient = 500;
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<WhatsAppSandboxRecord>> byRecipient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> lastInbound = new(StringComparer.Ordinal);
    private readonly HashSet<string> notOnWhatsApp = new(StringComparer.Ordinal);
    private long sequence;

    public static string NewMessageId() =>
        "wamid." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(27)).Replace('+', '-').Replace('/', '_');

    /// <summary>Records an accepted body; <paramref name="errorCode"/> when it is then reported failed instead of delivered.</summary>
    public WhatsAppSandboxRecord Add(string recipient, JsonNode body, int? errorCode = null)
    {
        lock (gate)
        {
            var record = new WhatsAppSandboxRecord(++sequence, NewMessageId(), time.GetUtcNow(), body.DeepClone()) { ErrorCode = errorCode };
            if (!byRecipient.TryGetValue(recipient, out var list))
            {
                byRecipient[recipient] = list = [];
            }

            list.Add(record);
            if (list.Count > KeptPerRecipient)
            {
                list.RemoveAt(0);
            }

            return record;
        }
    }

    /// <summary>Remembers when a patron last wrote, as Meta does, to enforce the 24-hour customer-service window.</summary>
    public void NoteInbound(string patron, DateTimeOffset at)
    {
        lock (gate)
        {
            if (!lastInbound.TryGetValue(patron, out var known) || at > known)
            {
                lastInbound[patron] = at;
            }
        }
    }

    /// <summary>
    /// True when this fake saw the patron's last message and it is more than 24 hours old: free-form messages are then
    /// refused with 131047, as Meta refuses them. (A patron it never saw, e.g. after a restart of the server, is let through.)
    /// </summary>
    public bool WindowClosed(string patron)
    {
        lock (gate)
        {
            return lastInbound.TryGetValue(patron, out var at) && time.GetUtcNow() - at > TimeSpan.FromHours(24);
        }
    }

    /// <summary>The number stops being a WhatsApp account (as when a patron deletes the app): sends to it then fail with 131026.</summary>
    public void MarkNotOnWhatsApp(string number)
    {
        lock (gate)
        {
            notOnWhatsApp.Add(number);
        }
    }

    public bool IsNotOnWhatsApp(string number)
    {
        lock (gate)
        {
            return notOnWhatsApp.Contains(number);
        }
    }

    /// <summary>The records for <paramref name="recipient"/> with a sequence number above <paramref name="after"/>, oldest first.</summary>
    public IReadOnlyList<WhatsAppSandboxRecord> After(string recipient, long after)
    {
        lock (gate)
        {
            return byRecipient.TryGetValue(recipient, out var list) ? [.. list.Where(r => r.Sequence > after)] : [];
        }
    }

    /// <summary>The newest message to <paramref name="recipient"/> offering <paramref name="choiceId"/>, and whether it was a list row.</summary>
    public (string MessageId, bool IsListRow)? FindChoice(string recipient, string choiceId)
    {
        lock (gate)
        {
            if (!byRecipient.TryGetValue(recipient, out var list))
            {
                return null;
            }

            for (var i = list.Count - 1; i >= 0; i--)
            {
                var action = list[i].Body["interactive"]?["action"];
                if (action?["buttons"] is JsonArray buttons && buttons.Any(b => (string?)b?["reply"]?["id"] == choiceId))
                {
                    return (list[i].MessageId, false);
                }

                if (action?["sections"] is JsonArray sections
                    && sections.Any(s => s?["rows"] is JsonArray rows && rows.Any(r => (string?)r?["id"] == choiceId)))
                {
                    return (list[i].MessageId, true);
                }
            }

            return null;
        }
    }
}
