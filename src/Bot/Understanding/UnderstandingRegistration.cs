using System.ClientModel;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Understanding.LanguageModel;
using LibraryBot.Bot.Understanding.Learning;
using LibraryBot.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenAI;

namespace LibraryBot.Bot.Understanding;

/// <summary>
/// The understanding layer: the lexicon (embedded phrases plus every <see cref="IPhraseSource"/>, such as the
/// library's auto-replies), the classifier trained at build time, the optional language model
/// (<c>Understanding:LanguageModel</c>, registered only when enabled), and the middleware that interprets each turn.
/// Recognisers run in the order <see cref="MessageInterpreter"/> documents.
/// </summary>
public static class UnderstandingRegistration
{
    public static IHostApplicationBuilder AddUnderstanding(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(sp => new PhraseMatcher(Lexicon.LoadEmbedded().With(Lexicon.Build(
            sp.GetServices<IPhraseSource>().SelectMany(source => source.Phrases().Select(p => (p.Key, p.Language, p.Phrase, source.GetType().Name)))))));
        services.TryAddSingleton<IntentClassifier>();
        services.TryAddSingleton<MessageInterpreter>();
        services.AddSingleton<ITurnMiddleware, UnderstandingMiddleware>();

        services.AddValidatedOptions<LanguageModelOptions, LanguageModelOptionsValidator>(LanguageModelOptions.SectionName);
        if (builder.Configuration.GetValue($"{LanguageModelOptions.SectionName}:{nameof(LanguageModelOptions.Enabled)}", false))
        {
            services.TryAddKeyedSingleton<IChatClient>(nameof(LanguageModelInterpreter), (sp, _) =>
            {
                var settings = sp.GetRequiredService<IOptions<LanguageModelOptions>>().Value;
                var openAi = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(settings.ApiKey) ? "none" : settings.ApiKey),
                    new OpenAIClientOptions { Endpoint = new Uri(settings.Endpoint!), NetworkTimeout = TimeSpan.FromMilliseconds(settings.TimeoutMs) });
                return openAi.GetChatClient(settings.Model).AsIChatClient();
            });
            services.AddSingleton<ILanguageModelInterpreter>(sp => new LanguageModelInterpreter(
                sp.GetRequiredKeyedService<IChatClient>(nameof(LanguageModelInterpreter)),
                sp.GetRequiredService<IOptions<LanguageModelOptions>>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<LanguageModelInterpreter>>()));
        }

        return builder;
    }
}
