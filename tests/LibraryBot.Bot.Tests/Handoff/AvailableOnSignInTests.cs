using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>Whether signing in makes a staff member available (the fake clock says Monday 2026-11-23 15:00 UTC).</summary>
public sealed class AvailableOnSignInTests
{
    private static readonly DateTimeOffset Monday3pm = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Mon-Fri 09:00-17:00", "true", StaffRole.Librarian, true)]
    [InlineData("Mon-Fri 09:00-17:00", "true", StaffRole.Admin, true)]
    [InlineData("Mon-Fri 09:00-17:00", "true", StaffRole.Outreach, false)]
    [InlineData("Mon-Fri 09:00-17:00", "false", StaffRole.Librarian, false)]
    [InlineData("Tue-Fri 09:00-17:00", "true", StaffRole.Librarian, false)]
    public async Task AvailableOnSignIn_OnlyForThoseWhoAnswerDuringStaffedHoursWhenTheSettingIsOn(string weekly, string setting, string role, bool expected)
    {
        await using var bot = TestBot.Create(settings: new Dictionary<string, string?>
        {
            ["Handoff:StaffedHours:Weekly"] = weekly,
            ["Handoff:AvailableOnSignIn"] = setting,
        });
        var account = new StaffAccount("ana", "Ana", role, "hash", Available: false);

        Assert.Equal(expected, bot.Services.GetRequiredService<HandoffAvailability>().AvailableOnSignIn(account, Monday3pm));
    }
}
