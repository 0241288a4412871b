using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Notices;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Bot.Tests.Storage;
using LibraryBot.Bot.Tests.Support;
using LibraryBot.Channels.Activities;
using LibraryBot.Channels.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace LibraryBot.Bot.Tests.Notices;

/// <summary>
/// The SMS number with the whole bot on Cosmos DB: registered in the chat (its state and the consent ledger on
/// Cosmos), "SMS only" hands the notice digest to the number's SMS chat, which sends it; "stop texting me" forgets it.
/// </summary>
[Trait("Category", "Cosmos")]
[Collection(CosmosCollection.Name)]
public sealed class CosmosSmsNumberTests(CosmosEndpointFixture endpoint)
{
    private const string Number = "+14155552671";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SmsOnly_OnCosmosDb_TheDigestLeavesBySmsAndStopForgetsTheNumber()
    {
        if (endpoint.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var database = await CosmosTestDatabase.CreateAsync(endpoint, "smsnumber");
        using var sms = SmsChannel();
        var settings = database.ConfigurationSettings();
        settings["Notices:QuietHours"] = "";
        await using var bot = TestBot.Create(services => services.AddSingleton(sms.Services.GetRequiredService<SmsConversations>()), settings);
        Assert.IsType<CosmosNoticeStore>(bot.Services.GetRequiredService<INoticeStore>());
        await NoticeRunTests.LinkAnaAsync(bot, accept: true);
        Assert.Contains("+•••••••2671", Text(await bot.SendAsync("text me at (415) 555-2671")), StringComparison.Ordinal);
        await bot.ChooseAsync("yes");
        Assert.Contains("only by text message", Text(await bot.SendAsync("SMS only")), StringComparison.Ordinal);
        Assert.Equal(new SmsRoute(Number, SmsOnly: true), SmsRoute.Of((await bot.StateAsync())!));

        var report = await bot.Services.GetRequiredService<NoticeRun>().RunAsync("test", Ct);
        Assert.Equal(1, report.Digests);
        Assert.Empty(await bot.RunPendingTurnsAsync());
        await bot.RunPendingTurnsAsync();

        var text = new ConversationRef(ChannelId.Sms, sms.Services.GetRequiredService<SmsConversations>().AccountId, Number);
        var sent = Assert.Single(await bot.Services.GetRequiredService<IOutboxStore>().ListAsync(text.Key, Ct));
        Assert.Contains("Pepita Jiménez", sent.Message.ToPlainText(), StringComparison.Ordinal);
        Assert.True(await bot.Services.GetRequiredService<PatronConsent>().IsGrantedAsync(text, ConsentPurposes.Notices, Ct));

        await bot.SendAsync("stop texting me");
        Assert.Null(SmsRoute.Of((await bot.StateAsync())!));
        Assert.False(await bot.Services.GetRequiredService<PatronConsent>().IsGrantedAsync(text, ConsentPurposes.Notices, Ct));
    }

    private static string Text(IReadOnlyList<LibraryBot.Channels.Outbound.OutboundMessage> messages) => string.Join("\n", messages.Select(m => m.ToPlainText()));

    /// <summary>The SMS channel's own registration with Twilio settings (nothing is sent: the test reads the outbox).</summary>
    private static IHost SmsChannel()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:Enabled"] = "false",
            ["Channels:Sms:Provider"] = "Twilio",
            ["Channels:Sms:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Channels:Sms:AuthToken"] = "0123456789abcdef0123456789abcdef",
            ["Channels:Sms:From"] = "+15557654321",
        });
        builder.AddSmsChannel();
        return builder.Build();
    }
}
