using LibraryBot.Channels.WhatsApp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.Tests.WhatsApp;

public sealed class WhatsAppOptionsValidatorTests
{
    [Fact]
    public async Task Start_WhenSandboxOffAndCredentialsMissing_NamesEveryMissingKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["Sandbox:Enabled"] = "false", ["Channels:WhatsApp:AppSecret"] = "s" }));
        Assert.Contains("Channels:WhatsApp:VerifyToken: must be set when Sandbox:Enabled is false", error.Failures);
        Assert.Contains("Channels:WhatsApp:AccessToken: must be set when Sandbox:Enabled is false", error.Failures);
        Assert.Contains("Channels:WhatsApp:PhoneNumberId: must be set when Sandbox:Enabled is false", error.Failures);
        Assert.DoesNotContain(error.Failures, f => f.StartsWith("Channels:WhatsApp:AppSecret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WhenSandboxOnAndNothingConfigured_Starts() =>
        await StartAsync(new() { ["Sandbox:Enabled"] = "true" });

    [Fact]
    public async Task Start_WhenTemplateOrVersionInvalid_NamesTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Channels:WhatsApp:ApiVersion"] = "24",
            ["Channels:WhatsApp:Templates:DueSoon:fr:Name"] = "Due Soon",
            ["Channels:WhatsApp:Templates:DueSoon:fr:Language"] = "english",
        }));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WhatsApp:ApiVersion:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WhatsApp:Templates:DueSoon:fr: language keys", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WhatsApp:Templates:DueSoon:fr:Name:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WhatsApp:Templates:DueSoon:fr:Language:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WhenMarketingTemplatesInvalid_NamesEachProblem()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["Channels:WhatsApp:MarketingTemplates:0:Name"] = "library_news",
            ["Channels:WhatsApp:MarketingTemplates:0:Languages:0"] = "en",
            ["Channels:WhatsApp:MarketingTemplates:0:BodyParameters"] = "1",
            ["Channels:WhatsApp:MarketingTemplates:1:Name"] = "library_news",
            ["Channels:WhatsApp:MarketingTemplates:1:Languages:0"] = "fr",
            ["Channels:WhatsApp:MarketingTemplates:1:BodyParameters"] = "-1",
            ["Channels:WhatsApp:MarketingTemplates:2:Name"] = "Big Sale",
        }));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WhatsApp:MarketingTemplates:1:Name: \"library_news\" is listed twice", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WhatsApp:MarketingTemplates:1:Languages:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WhatsApp:MarketingTemplates:1:BodyParameters:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WhatsApp:MarketingTemplates:2:Name:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WhatsApp:MarketingTemplates:2:Languages:", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.StartsWith("Channels:WhatsApp:MarketingTemplates:0:", StringComparison.Ordinal));
    }

    private static async Task StartAsync(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging(l => l.ClearProviders());
        builder.AddWhatsAppChannel();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
