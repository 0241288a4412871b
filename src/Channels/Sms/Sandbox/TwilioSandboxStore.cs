using System.Security.Cryptography;

namespace LibraryBot.Channels.Sms.Sandbox;

/// <summary>
/// The fake Twilio's memory: messages per recipient (the newest 500 each) and the numbers that texted STOP (blocked,
/// answered with 21610, until they text START), as Twilio keeps them per sender and recipient.
/// </summary>
internal sealed class TwilioSandboxStore(TimeProvider time)
{
    private const int KeptPerRecipient = 500;
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<TwilioSandboxRecord>> byRecipient = new(StringComparer.Ordinal);
    private readonly HashSet<string> optedOut = new(StringComparer.Ordinal);
    private long sequence;

    /// <summary>A message SID as Twilio makes them: <c>SM</c> and 32 lower-case hex digits.</summary>
    public static string NewMessageSid() => "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public TwilioSandboxRecord Add(string to, string from, string body, bool automatic = false)
    {
        lock (gate)
        {
            var record = new TwilioSandboxRecord(++sequence, NewMessageSid(), time.GetUtcNow(), to, from, body, automatic);
            if (!byRecipient.TryGetValue(to, out var list))
            {
                byRecipient[to] = list = [];
            }

            list.Add(record);
            if (list.Count > KeptPerRecipient)
            {
                list.RemoveAt(0);
            }

            return record;
        }
    }

    public IReadOnlyList<TwilioSandboxRecord> After(string to, long after)
    {
        lock (gate)
        {
            return byRecipient.TryGetValue(to, out var list) ? [.. list.Where(r => r.Sequence > after)] : [];
        }
    }

    public void SetOptedOut(string number, bool optedOutNow)
    {
        lock (gate)
        {
            if (optedOutNow)
            {
                optedOut.Add(number);
            }
            else
            {
                optedOut.Remove(number);
            }
        }
    }

    public bool IsOptedOut(string number)
    {
        lock (gate)
        {
            return optedOut.Contains(number);
        }
    }
}
