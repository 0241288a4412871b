using System.Diagnostics;
using LibraryBot.Bot.Understanding.Learning;
using LibraryBot.IntentTrainer;
using Microsoft.ML;

// Usage: LibraryBot.IntentTrainer <model.zip> <lexicon dir> <training examples dir> <works.tsv> <corpus dir>
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: LibraryBot.IntentTrainer <model.zip> <lexicon dir> <examples dir> <works.tsv> <corpus dir (its dev split is learned)>");
    return 2;
}

var stopwatch = Stopwatch.StartNew();
var set = new TrainingSet(args[3]);
set.AddLexicon(args[1]);
set.AddExamples(args[2]);
set.AddCorpusDevSplit(args[4]);
set.AddCatalogue(titles: 1000);

var ml = new MLContext(seed: IntentModel.Seed);
var data = ml.Data.LoadFromEnumerable(set.Examples);
var model = IntentModel.Pipeline(ml).Fit(data);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[0]))!);
ml.Model.Save(model, data.Schema, args[0]);
var perLabel = set.Examples.GroupBy(e => e.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
Console.WriteLine($"Intent model: {set.Examples.Count} examples ({string.Join(", ", perLabel)}), trained in {stopwatch.ElapsedMilliseconds} ms → {args[0]}");
return 0;
