using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>The real server with small sign-in throttle limits: 3 failures per username, 7 per client address, in 10 minutes.</summary>
public sealed class ThrottledStaffServer : IAsyncLifetime
{
    public const int PerUsername = 3;
    public const int PerAddress = 7;

    public BotProcess Bot { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Bot = await BotProcess.StartAsync(new Dictionary<string, string>
    {
        ["Handoff__Admin__Username"] = StaffServer.AdminUser,
        ["Handoff__Admin__Password"] = StaffServer.AdminPassword,
        ["Handoff__SignInThrottle__MaxFailuresPerUsername"] = PerUsername.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Handoff__SignInThrottle__MaxFailuresPerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Handoff__SignInThrottle__WindowMinutes"] = "10",
    });

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
