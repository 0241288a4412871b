using System.Diagnostics;
using LibraryBot.Bot.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.Bot.Tests.Understanding;

/// <summary>
/// The optional language model, against a fake OpenAI-compatible endpoint: asked only when the local recogniser is
/// unsure, never told a card number, PIN or phone number, held to its schema and its timeout, off by default.
/// </summary>
public sealed class LanguageModelTests : IAsyncLifetime
{
    private FakeChatCompletions _fake = null!;

    public async ValueTask InitializeAsync() => _fake = await FakeChatCompletions.StartAsync();

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task Interpret_WhenTheLocalRecogniserIsUnsure_TakesTheModelsAnswer()
    {
        _fake.Content = """{"intent":"loans","confidence":0.9,"terms":null,"author":null}""";
        var meaning = await Interpreter().InterpretAsync("zorblax quuxly frobnicate", null, TestContext.Current.CancellationToken);
        Assert.Equal(IntentNames.Loans, meaning.Intent);
        Assert.Equal(InterpretationSource.LanguageModel, meaning.Source);
        var request = Assert.Single(_fake.Requests);
        Assert.Equal("json_schema", (string?)request["response_format"]!["type"]);
        Assert.Equal("test-model", (string?)request["model"]);
    }

    [Fact]
    public async Task Interpret_WhenTheLocalRecogniserIsSure_DoesNotAskTheModel()
    {
        _fake.Content = """{"intent":"loans","confidence":1,"terms":null,"author":null}""";
        var meaning = await Interpreter().InterpretAsync("what time do you close today?", null, TestContext.Current.CancellationToken);
        Assert.Equal(IntentNames.Hours, meaning.Intent);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Prompt_NeverCarriesACardNumberAPinOrAPhoneNumber()
    {
        _fake.Content = """{"intent":"none","confidence":0.2,"terms":null,"author":null}""";
        await Interpreter().InterpretAsync("blorf zib 29000100000011 zorp 2718 qux +1 (555) 012-3456 vex", "2718", TestContext.Current.CancellationToken);
        await Interpreter().InterpretAsync("blorf zib pin is 8841 zorp", null, TestContext.Current.CancellationToken);
        Assert.NotEmpty(_fake.Requests);
        foreach (var request in _fake.Requests.Select(r => r.ToJsonString()))
        {
            Assert.DoesNotContain("29000100000011", request, StringComparison.Ordinal);
            Assert.DoesNotContain("2718", request, StringComparison.Ordinal);
            Assert.DoesNotContain("8841", request, StringComparison.Ordinal);
            Assert.DoesNotContain("012-3456", request, StringComparison.Ordinal);
            Assert.DoesNotContain("555", request, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Interpret_WhenTheModelIsTooSlow_KeepsTheLocalAnswerWithinTheTimeout()
    {
        _fake.Delay = TimeSpan.FromSeconds(5);
        _fake.Content = """{"intent":"loans","confidence":0.9,"terms":null,"author":null}""";
        var watch = Stopwatch.StartNew();
        var meaning = await Interpreter(timeoutMs: 300).InterpretAsync("zorblax quuxly frobnicate", null, TestContext.Current.CancellationToken);
        Assert.Equal(IntentNames.Search, meaning.Intent);
        Assert.Equal(InterpretationSource.Fallback, meaning.Source);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("""{"intent":"format-my-disk","confidence":0.9,"terms":null,"author":null}""")]
    [InlineData("""{"intent":"loans","confidence":7,"terms":null,"author":null}""")]
    [InlineData("sure! it's loans")]
    [InlineData("")]
    public async Task Interpret_WhenTheAnswerIsOutsideTheSchema_IgnoresIt(string content)
    {
        _fake.Content = content;
        var meaning = await Interpreter().InterpretAsync("zorblax quuxly frobnicate", null, TestContext.Current.CancellationToken);
        Assert.Equal(InterpretationSource.Fallback, meaning.Source);
    }

    [Fact]
    public void Registration_WhenNotEnabled_AddsNoModel()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddUnderstanding();
        using var provider = builder.Services.BuildServiceProvider();
        Assert.Empty(provider.GetServices<ILanguageModelInterpreter>());
    }

    private MessageInterpreter Interpreter(int timeoutMs = 2000)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Understanding:LanguageModel:Enabled"] = "true",
            ["Understanding:LanguageModel:Endpoint"] = _fake.Endpoint.ToString(),
            ["Understanding:LanguageModel:Model"] = "test-model",
            ["Understanding:LanguageModel:ApiKey"] = "test-key",
            ["Understanding:LanguageModel:TimeoutMs"] = timeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddLogging();
        builder.AddUnderstanding();
        return builder.Services.BuildServiceProvider().GetRequiredService<MessageInterpreter>();
    }
}
