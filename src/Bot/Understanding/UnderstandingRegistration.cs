using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Understanding.Learning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LibraryBot.Bot.Understanding;

/// <summary>
/// The understanding layer: the lexicon (embedded phrases plus every <see cref="IPhraseSource"/>, such as the
/// library's auto-replies), the classifier trained at build time, the optional language model, and the middleware that
/// interprets each turn. Recognisers run in the order <see cref="MessageInterpreter"/> documents.
/// </summary>
public static class UnderstandingRegistration
{
    public static IServiceCollection AddUnderstanding(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new PhraseMatcher(Lexicon.LoadEmbedded().With(Lexicon.Build(
            sp.GetServices<IPhraseSource>().SelectMany(source => source.Phrases().Select(p => (p.Key, p.Language, p.Phrase, source.GetType().Name)))))));
        services.TryAddSingleton<IntentClassifier>();
        services.TryAddSingleton<MessageInterpreter>();
        services.AddSingleton<ITurnMiddleware, UnderstandingMiddleware>();
        return services;
    }
}
