using System.Collections.Concurrent;
using Microsoft.ML;

namespace LibraryBot.Bot.Understanding.Learning;

/// <summary>
/// Predicts an intent with the model trained at build time (embedded in this assembly). Loading takes a few hundred
/// milliseconds, so it starts at construction in the background; ML.NET prediction engines are not thread-safe, so each
/// caller borrows one from a small pool.
/// </summary>
public sealed class IntentClassifier
{
    private readonly Lazy<(MLContext Ml, ITransformer Model, string[] Labels)> _model;
    private readonly ConcurrentBag<PredictionEngine<IntentExample, IntentPrediction>> _engines = [];

    public IntentClassifier()
    {
        _model = new Lazy<(MLContext, ITransformer, string[])>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
        _ = Task.Run(() => _model.Value);
    }

    /// <summary>The best intent and its probability, and the runner-up with its probability.</summary>
    public ClassifierGuess Predict(Utterance utterance)
    {
        var (ml, model, labels) = _model.Value;
        if (!_engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<IntentExample, IntentPrediction>(model);
        }

        try
        {
            var scores = engine.Predict(new IntentExample { Text = ClassifierText.Prepare(utterance) }).Score;
            var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
            return new ClassifierGuess(labels[order[0]], scores[order[0]], labels[order[1]], scores[order[1]]);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private static (MLContext, ITransformer, string[]) Load()
    {
        var ml = new MLContext(seed: IntentModel.Seed);
        using var stream = typeof(IntentClassifier).Assembly.GetManifestResourceStream(IntentModel.ResourceName)
            ?? throw new InvalidOperationException("The intent model is not embedded: build src/Bot (its build trains the model).");
        var model = ml.Model.Load(stream, out var schema);
        return (ml, model, IntentModel.Labels(model, schema));
    }
}
