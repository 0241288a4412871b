using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.WeChat;
using LibraryBot.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryBot.Channels.Tests.WeChat;

public sealed class WeChatOptionsValidatorTests
{
    private static WeChatOptions Resolve(Dictionary<string, string?> config)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddValidatedOptions<SandboxOptions, SandboxOptionsValidator>(SandboxOptions.SectionName);
        services.AddValidatedOptions<WeChatOptions, WeChatOptionsValidator>(WeChatOptions.SectionName)
            .PostConfigure<IOptions<SandboxOptions>>((o, s) => WeChatSandboxDefaults.Apply(o, s.Value));
        return services.BuildServiceProvider().GetRequiredService<IOptions<WeChatOptions>>().Value;
    }

    [Fact]
    public void Resolve_WhenSandboxAndNoCredentials_UsesSandboxValuesAndApi()
    {
        var options = Resolve([]);

        Assert.True(options.UsesSandboxApi);
        Assert.Equal(WeChatSandboxDefaults.AppId, options.AppId);
        Assert.Equal(WeChatSandboxDefaults.EncodingAESKey, options.EncodingAESKey);
        Assert.Equal(4000, options.PassiveReplyBudgetMs);
        Assert.Equal(64 * 1024, options.MaxBodyBytes);
        Assert.Equal("https://api.weixin.qq.com", options.ApiBaseUrl);
    }

    [Fact]
    public void Resolve_WhenSandboxOffAndNoCredentials_FailsNamingEachKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Sandbox:Enabled"] = "false" }));

        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WeChat:Token: is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WeChat:AppSecret: is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WeChat:EncodingAESKey: is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_WhenMenuAndTemplatesConfigured_BindsThem()
    {
        var options = Resolve(new()
        {
            ["Channels:WeChat:AccountType"] = "service",
            ["Channels:WeChat:Menu:0:Name"] = "查书",
            ["Channels:WeChat:Menu:0:Type"] = "click",
            ["Channels:WeChat:Menu:0:Key"] = "SEARCH",
            ["Channels:WeChat:Menu:0:Intent"] = "search",
            ["Channels:WeChat:Templates:DueSoon:TemplateId"] = "TPL",
            ["Channels:WeChat:Templates:DueSoon:Fields:0:DataKey"] = "thing1",
            ["Channels:WeChat:Templates:DueSoon:Fields:0:Parameter"] = "title",
        });

        Assert.Equal(WeChatAccountType.Service, options.AccountType);
        Assert.Equal("search", Assert.Single(options.Menu).Intent);
        Assert.Equal("thing1", options.Templates[Outbound.NotificationKind.DueSoon].Fields[0].DataKey);
    }

    [Fact]
    public void Validate_WhenMenuBreaksByteLimits_ReportsEachProblem()
    {
        var options = Valid();
        options.Menu =
        [
            new() { Name = "六个汉字六个", Type = "click", Key = "A", Intent = "search" },
            new() { Name = "More", SubButtons = [.. Enumerable.Range(0, 6).Select(i => new WeChatMenuButton { Name = $"s{i}", Type = "view", Url = "https://x.example" })] },
            new() { Name = "Key", Type = "click", Key = new string('k', 129), Intent = "hours" },
            new() { Name = "Four", Type = "view", Url = "https://x.example/" + new string('u', 1010) },
        ];

        var errors = new WeChatOptionsValidator().Validate(options).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").ToList();

        Assert.Contains(errors, e => e.StartsWith("Menu.0.Name: must be at most 16 UTF-8 bytes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Menu.1.SubButtons: must have at most 5", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Menu.2.Key: must be 1 to 128", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Menu: must have at most 3", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Menu.3.Url: must be at most 1024", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_WhenSubButtonNameTooLong_FailsNamingTheConfigurationKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Channels:WeChat:Menu:0:Name"] = "我的",
            ["Channels:WeChat:Menu:0:SubButtons:0:Name"] = new string('书', 21),
            ["Channels:WeChat:Menu:0:SubButtons:0:Type"] = "click",
            ["Channels:WeChat:Menu:0:SubButtons:0:Key"] = "K",
            ["Channels:WeChat:Menu:0:SubButtons:0:Intent"] = "search",
        }));

        Assert.Contains(error.Failures, f => f.StartsWith("Channels:WeChat:Menu:0:SubButtons:0:Name: must be at most 60 UTF-8 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WhenNamesFitInBytes_Passes()
    {
        var options = Valid();
        options.Menu = [new() { Name = "五个汉字五", SubButtons = [new() { Name = new string('书', 20), Type = "click", Key = "K", Intent = "my_account" }] }];

        Assert.True(new WeChatOptionsValidator().Validate(options).IsValid);
    }

    [Fact]
    public void Validate_WhenTemplateLacksIdOrFields_NamesTheTemplate()
    {
        var options = Valid();
        options.Templates[Outbound.NotificationKind.Overdue] = new WeChatTemplate();

        var errors = new WeChatOptionsValidator().Validate(options).Errors.Select(e => e.PropertyName).ToList();

        Assert.Contains("Templates.Overdue.TemplateId", errors);
        Assert.Contains("Templates.Overdue.Fields", errors);
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF+")]
    public void Validate_WhenEncodingAesKeyIsNot43Alphanumerics_Fails(string key)
    {
        var options = Valid();
        options.EncodingAESKey = key;

        Assert.Contains(new WeChatOptionsValidator().Validate(options).Errors, e => e.PropertyName == "EncodingAESKey");
    }

    private static WeChatOptions Valid() => new()
    {
        Token = "token123",
        AppId = "wxapp",
        AppSecret = "secret",
        EncodingAESKey = WeChatVectors.C1Key,
    };
}
