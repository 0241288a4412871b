using LibraryBot.Bot.Tests.Support;
using LibraryBot.Bot.Understanding;
using LibraryBot.Contracts.Understanding;

namespace LibraryBot.Bot.Tests.Understanding;

/// <summary>The understanding layer as the server builds it (embedded lexicon, the repository's auto-replies, the trained classifier), shared by a test class.</summary>
public sealed class InterpreterFixture
{
    public MessageInterpreter Interpreter { get; } = CorpusSubject.Interpreter(RepositoryRoot.Path);

    public Task<Interpretation> InterpretAsync(string text) => Interpreter.InterpretAsync(text, null, TestContext.Current.CancellationToken);
}
