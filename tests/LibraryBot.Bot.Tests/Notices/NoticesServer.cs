using LibraryBot.Bot.Tests.Handoff;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>
/// The staff server with notices only on demand (no scheduled runs, so a test decides when notices go) and no quiet
/// hours (so a run plans notices whatever the time of day at the demo library).
/// </summary>
public sealed class NoticesServer : StaffServer
{
    protected override IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>
    {
        ["Notices__Enabled"] = "false",
        ["Notices__QuietHours"] = "",
    };
}
