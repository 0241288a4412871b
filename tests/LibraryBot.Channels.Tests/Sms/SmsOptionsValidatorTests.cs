using LibraryBot.Channels.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.Tests.Sms;

public sealed class SmsOptionsValidatorTests
{
    [Fact]
    public async Task Start_WhenSandboxOnAndNothingConfigured_StartsWithSmsOnTheFakeApi()
    {
        using var host = Build(new() { ["Sandbox:Enabled"] = "true" });
        await host.StartAsync(TestContext.Current.CancellationToken);
        var conversations = host.Services.GetRequiredService<SmsConversations>();
        Assert.True(conversations.Enabled);
        Assert.Equal(SmsSandboxDefaults.From, conversations.AccountId);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Start_WhenSandboxOffAndProviderNone_StartsWithSmsOff()
    {
        using var host = Build(new() { ["Sandbox:Enabled"] = "false" });
        await host.StartAsync(TestContext.Current.CancellationToken);
        Assert.False(host.Services.GetRequiredService<SmsConversations>().Enabled);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Start_WhenTwilioWithoutCredentialsOutsideTheSandbox_NamesEveryMissingKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Sandbox:Enabled"] = "false", ["Channels:Sms:Provider"] = "twilio" }));
        Assert.Contains("Channels:Sms:AccountSid: must be set when Provider is Twilio (outside the sandbox, or once an AccountSid is given)", error.Failures);
        Assert.Contains("Channels:Sms:AuthToken: must be set when Provider is Twilio (outside the sandbox, or once an AccountSid is given)", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:Sms:From: must be set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WhenTwilioWithAMessagingServiceOnly_Starts() =>
        await StartAsync(new()
        {
            ["Sandbox:Enabled"] = "false",
            ["Channels:Sms:Provider"] = "Twilio",
            ["Channels:Sms:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
            ["Channels:Sms:AuthToken"] = "token",
            ["Channels:Sms:MessagingServiceSid"] = "MG0123456789abcdef0123456789abcdef",
        });

    [Fact]
    public async Task Start_WhenValuesAreMalformed_NamesEachKeyOnce()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Channels:Sms:Provider"] = "Nexmo",
            ["Channels:Sms:AccountSid"] = "SK123",
            ["Channels:Sms:From"] = "555-0100",
            ["Channels:Sms:MessagingServiceSid"] = "MG1",
            ["Channels:Sms:ApiBaseUrl"] = "api.twilio.com",
            ["Channels:Sms:WebhookBaseUrl"] = "https://bot.example.org/?x=1",
            ["Channels:Sms:DefaultRegion"] = "Spain",
        }));
        foreach (var key in new[] { "Provider", "AccountSid", "From", "MessagingServiceSid", "ApiBaseUrl", "WebhookBaseUrl", "DefaultRegion" })
        {
            Assert.Single(error.Failures, f => f.StartsWith($"Channels:Sms:{key}: ", StringComparison.Ordinal));
        }
    }

    private static IHost Build(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging(l => l.ClearProviders());
        builder.AddSmsChannel();
        return builder.Build();
    }

    private static async Task StartAsync(Dictionary<string, string?> configuration)
    {
        using var host = Build(configuration);
        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
