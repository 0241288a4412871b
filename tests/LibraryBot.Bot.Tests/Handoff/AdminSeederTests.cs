using LibraryBot.Bot.Handoff;
using LibraryBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>The first admin from Handoff:Admin: patrons see its display name, never its username.</summary>
public sealed class AdminSeederTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("Ana López", "Ana López")]
    [InlineData(null, AdminOptions.DefaultDisplayName)]
    public async Task Seeder_CreatesTheAdminWithTheDisplayNamePatronsSee(string? configured, string expected)
    {
        await using var bot = TestBot.Create(settings: Settings(configured));

        await Seeder(bot).StartAsync(Ct);

        var admin = await bot.Services.GetRequiredService<IStaffStore>().FindAsync("boss", Ct);
        Assert.Equal((expected, StaffRole.Admin), (admin!.DisplayName, admin.Role));
    }

    [Fact]
    public async Task Seeder_WhenAnEarlierStartNamedTheAdminAfterItsUsername_GivesItTheDisplayName()
    {
        await using var bot = TestBot.Create(settings: Settings("Ana López"));
        await bot.Services.GetRequiredService<StaffAccounts>().CreateAsync("boss", "boss", StaffRole.Admin, "boss-password-1", Ct);

        await Seeder(bot).StartAsync(Ct);

        Assert.Equal("Ana López", (await bot.Services.GetRequiredService<IStaffStore>().FindAsync("boss", Ct))!.DisplayName);
    }

    private static AdminSeeder Seeder(TestBot bot) => bot.Services.GetServices<IHostedService>().OfType<AdminSeeder>().Single();

    private static Dictionary<string, string?> Settings(string? displayName) => new()
    {
        ["Handoff:Admin:Username"] = "boss",
        ["Handoff:Admin:Password"] = "boss-password-1",
        ["Handoff:Admin:DisplayName"] = displayName,
    };
}
