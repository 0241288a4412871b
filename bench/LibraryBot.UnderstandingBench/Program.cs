using System.Diagnostics;
using System.Globalization;
using LibraryBot.Contracts.Understanding;

// The corpus benchmark: accuracy of the understanding layer per language and split, a confusion table, and the
// time per message. Usage: LibraryBot.UnderstandingBench [--show dev|test|all] (lists the lines it got wrong).
var root = args.SkipWhile(a => a != "--root").Skip(1).FirstOrDefault() ?? FindRoot();
var show = args.SkipWhile(a => a != "--show").Skip(1).FirstOrDefault();

var warm = Stopwatch.StartNew();
var interpreter = CorpusSubject.Interpreter(root);
await interpreter.InterpretAsync("warm up", null, CancellationToken.None);
var startup = warm.Elapsed;

var timer = Stopwatch.StartNew();
var report = await CorpusSubject.RunAsync(root, CancellationToken.None);
var elapsed = timer.Elapsed;

Console.WriteLine($"Understanding corpus benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Environment.OSVersion}");
Console.WriteLine($"{report.Outcomes.Count} utterances; model load {startup.TotalMilliseconds:0} ms; {elapsed.TotalMilliseconds * 1000 / report.Outcomes.Count:0} µs per message (lexicon + classifier)");
Console.WriteLine();
Console.Write(report.Table());
Console.WriteLine();
Console.Write(report.Confusion(args.Contains("--split-confusion") ? "test" : null));
if (show is not null)
{
    Console.WriteLine();
    foreach (var outcome in report.Outcomes.Where(o => !o.Right && (show == "all" || o.Line.Split == show)))
    {
        Console.WriteLine(outcome.Describe());
    }
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "LibraryBot.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("LibraryBot.sln not found.");
}
