using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Conversations.Hours;
using LibraryBot.Bot.Conversations.News;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Understanding;
using LibraryBot.Bot.Understanding.Learning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LibraryBot.Contracts.Understanding;

/// <summary>
/// The understanding layer as the server builds it — the embedded lexicon, the library's auto-replies and news topics
/// from the repository's <c>appsettings.json</c>, the classifier trained at build time — and the corpus to measure it on.
/// </summary>
public static class CorpusSubject
{
    public static MessageInterpreter Interpreter(string repositoryRoot)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(repositoryRoot, "appsettings.json")).Build();
        var autoReplies = configuration.GetSection(AutoRepliesOptions.SectionName).Get<AutoRepliesOptions>() ?? new AutoRepliesOptions();
        var broadcasts = configuration.GetSection(BroadcastOptions.SectionName).Get<BroadcastOptions>() ?? new BroadcastOptions();
        var phrases = new AutoReplyPhrases(Options.Create(autoReplies)).Phrases()
            .Concat(new NewsTopicPhrases(Options.Create(broadcasts), new BotText()).Phrases())
            .Select(p => (p.Key, p.Language, p.Phrase, "appsettings.json"));
        return new MessageInterpreter(new PhraseMatcher(Lexicon.LoadEmbedded().With(Lexicon.Build(phrases))), new IntentClassifier(), []);
    }

    public static string CorpusDirectory(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", "LibraryBot.Bot.Tests", "Corpus");

    public static async Task<CorpusReport> RunAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var interpreter = Interpreter(repositoryRoot);
        var outcomes = new List<CorpusOutcome>();
        foreach (var line in CorpusLine.Load(CorpusDirectory(repositoryRoot)))
        {
            outcomes.Add(new CorpusOutcome(line, await interpreter.InterpretAsync(line.Utterance, null, cancellationToken).ConfigureAwait(false)));
        }

        return new CorpusReport(outcomes);
    }
}
