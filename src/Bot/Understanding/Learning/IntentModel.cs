using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace LibraryBot.Bot.Understanding.Learning;

/// <summary>
/// The learned part of the understanding layer: an ML.NET pipeline (word uni/bigrams and character 1–4-grams,
/// multiclass maximum entropy trained with SDCA). Built by the trainer at build time from the lexicon and the training
/// examples; the model file is embedded in the bot and loaded at start.
/// </summary>
public static class IntentModel
{
    public const string ResourceName = "LibraryBot.Bot.Understanding.intent-model.zip";
    public const int Seed = 20261127;

    public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey(nameof(IntentExample.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.None,
                KeepDiacritics = true,
                KeepPunctuations = true,
                KeepNumbers = true,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(IntentExample.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 60,
                L2Regularization = 1e-4f,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(IntentPrediction.PredictedLabel)));

    /// <summary>The labels in the order of <see cref="IntentPrediction.Score"/>.</summary>
    public static string[] Labels(ITransformer model, DataViewSchema inputSchema)
    {
        var output = model.GetOutputSchema(inputSchema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        output[nameof(IntentPrediction.Score)].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }
}
