using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.WeChat.Sandbox;

/// <summary>
/// The fake API's mass-send rules (outbound.md §2.1, §2.3, §2.4): a clientmsgid is used once (again → 45065 with the
/// original msg_id, nothing sent); a subscription account makes one mass send per UTC day (again → 45028); on a service
/// account each follower gets at most <see cref="MonthlyCapPerFollower"/> mass messages per calendar month (UTC) and
/// followers over it are filtered out (not in FilterCount). OpenIDs that do not follow the account pass the filter and
/// fail (ErrorCount), as a send to a non-follower fails (43004). TotalCount is the number of distinct OpenIDs in the list.
/// </summary>
internal sealed class WeChatSandboxMassSends(IOptions<WeChatOptions> options, WeChatSandboxState state, TimeProvider time)
{
    public const int MonthlyCapPerFollower = 4;

    private readonly Lock gate = new();
    private readonly Dictionary<string, long> byClientMsgId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Year, int Month, int Count)> monthly = new(StringComparer.Ordinal);
    private DateOnly? lastSubscriptionSend;

    /// <summary>Applies the rules to one accepted request: the refusal, or the msg_id, who receives it and the event's counts.</summary>
    public WeChatSandboxMassSend Send(IReadOnlyList<string> openIds, string? clientMsgId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        lock (gate)
        {
            if (clientMsgId is not null && byClientMsgId.TryGetValue(clientMsgId, out var original))
            {
                return WeChatSandboxMassSend.Refused(WeChatMassSendOutcome.ClientMsgIdExists, "clientmsgid exist", original);
            }

            if (options.Value.AccountType == WeChatAccountType.Subscription)
            {
                if (lastSubscriptionSend == DateOnly.FromDateTime(now))
                {
                    return WeChatSandboxMassSend.Refused(WeChatMassSendOutcome.NoMassSendQuota, "has no masssend quota", null);
                }

                lastSubscriptionSend = DateOnly.FromDateTime(now);
            }

            var distinct = openIds.Distinct(StringComparer.Ordinal).ToList();
            var delivered = new List<string>();
            var errors = 0;
            var filteredOut = 0;
            foreach (var openId in distinct)
            {
                if (!state.Follows(openId))
                {
                    errors++;
                    continue;
                }

                if (options.Value.AccountType == WeChatAccountType.Service)
                {
                    var (year, month, count) = monthly.GetValueOrDefault(openId);
                    count = year == now.Year && month == now.Month ? count : 0;
                    if (count >= MonthlyCapPerFollower)
                    {
                        filteredOut++;
                        continue;
                    }

                    monthly[openId] = (now.Year, now.Month, count + 1);
                }

                delivered.Add(openId);
            }

            var msgId = state.NextMsgId();
            if (clientMsgId is not null)
            {
                byClientMsgId[clientMsgId] = msgId;
            }

            var result = new WeChatMassSendResult(msgId, WeChatMassSendResult.Success, distinct.Count, distinct.Count - filteredOut, delivered.Count, errors);
            return new WeChatSandboxMassSend(0, "send job submission success", msgId, delivered, result);
        }
    }
}

/// <summary>
/// One mass send as the fake decided it: the errcode/errmsg answered, the msg_id (also for 45065, the original),
/// and when accepted who receives it and the counts of its MASSSENDJOBFINISH event.
/// </summary>
internal sealed record WeChatSandboxMassSend(int ErrCode, string ErrMsg, long? MsgId, IReadOnlyList<string> Delivered, WeChatMassSendResult? Result)
{
    public static WeChatSandboxMassSend Refused(int errCode, string errMsg, long? msgId) => new(errCode, errMsg, msgId, [], null);
}
