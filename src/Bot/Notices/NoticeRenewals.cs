using System.Text.Json;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Storage;

namespace LibraryBot.Bot.Notices;

/// <summary>
/// The loans a due-soon notice offered to renew, kept on the chat for a few days: tapping Renew, or replying RENEW
/// (renovar, 续借, gia hạn), renews exactly these.
/// </summary>
public static class NoticeRenewals
{
    public static readonly TimeSpan Fresh = TimeSpan.FromDays(3);
    private const string Key = "notices.renew";

    public sealed record Offered(DateTimeOffset At, IReadOnlyList<OfferedLoan> Loans);

    public sealed record OfferedLoan(string PatronId, string LoanId, string Title);

    public static void Remember(ConversationState state, IReadOnlyList<PlannedNotice> notices, DateTimeOffset at)
    {
        var loans = notices.Where(n => n.Kind == NoticeKind.DueSoon).Select(n => new OfferedLoan(n.PatronId, n.ItemId, n.Title)).ToList();
        if (loans.Count > 0)
        {
            state.Values[Key] = StoreJson.Serialize(new Offered(at, loans));
        }
    }

    /// <summary>The loans still on offer (and forgets them: one reply renews them once).</summary>
    public static IReadOnlyList<OfferedLoan>? Take(TurnContext context)
    {
        if (!context.State.Values.Remove(Key, out var json))
        {
            return null;
        }

        var offered = JsonSerializer.Deserialize<Offered>(json, StoreJson.Options);
        return offered is not null && context.Clock.GetUtcNow() - offered.At <= Fresh ? offered.Loans : null;
    }
}
