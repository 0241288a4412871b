using LibraryBot.Bot.Tests.Support;
using LibraryBot.Contracts.Understanding;

namespace LibraryBot.Bot.Tests.Understanding;

/// <summary>
/// The understanding layer on the corpus's held-out "test" split (the classifier learns only from the "dev" split).
/// The floors are the accuracy measured when they were set (docs/benchmarks.md): a change that makes patrons less
/// understood fails here. The issue's goal is 95 % per language; where the floor is lower, that goal is not met yet.
/// </summary>
public sealed class CorpusAccuracyTests
{
    /// <summary>Per language: intent right, and intent with every entity right (held-out split).</summary>
    public static readonly TheoryData<string, double, double> Floors = new()
    {
        { "en", 0.93, 0.88 },
        { "es", 0.93, 0.85 },
        { "vi", 0.89, 0.83 },
        { "zh-Hans", 0.93, 0.86 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public async Task HeldOutSplit_IsUnderstoodAtLeastAsWellAsMeasured(string language, double intentFloor, double entitiesFloor)
    {
        var report = await CorpusSubject.RunAsync(RepositoryRoot.Path, TestContext.Current.CancellationToken);
        var lines = report.Of(language, "test");
        Assert.True(lines.Count >= 80, $"The held-out split of {language} has only {lines.Count} lines.");
        var intent = (double)lines.Count(o => o.IntentRight) / lines.Count;
        var entities = report.Accuracy(language, "test");
        TestContext.Current.SendDiagnosticMessage(report.Table());
        Assert.True(intent >= intentFloor, $"{language}: intent right {intent:P1} on the held-out split, below {intentFloor:P0}.\n{report.Table()}{report.Confusion("test")}");
        Assert.True(entities >= entitiesFloor, $"{language}: intent and entities right {entities:P1} on the held-out split, below {entitiesFloor:P0}.\n{report.Table()}");
    }

    [Fact]
    public async Task NonActions_NeverStartAnAccountActionOrASearch()
    {
        var report = await CorpusSubject.RunAsync(RepositoryRoot.Path, TestContext.Current.CancellationToken);
        var nonActions = report.Outcomes.Where(o => o.Line.File == "non-actions.tsv").ToList();
        Assert.True(nonActions.Count >= 60);
        var wrong = nonActions.Where(o => !o.IntentRight).Select(o => o.Describe()).ToList();
        Assert.True(wrong.Count <= nonActions.Count / 20, $"{wrong.Count} of {nonActions.Count} non-actions started something:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void Corpus_HasAtLeast150RequestsPerLanguageAnd60NonActions()
    {
        var lines = CorpusLine.Load(CorpusSubject.CorpusDirectory(RepositoryRoot.Path));
        foreach (var language in new[] { "en", "es", "zh-Hans", "vi" })
        {
            Assert.True(lines.Count(l => l.Language == language && l.File != "non-actions.tsv") >= 150, $"{language} has fewer than 150 requests.");
        }

        Assert.True(lines.Count(l => l.File == "non-actions.tsv") >= 60);
    }
}
