namespace LibraryBot.Bot.Understanding.Learning;

/// <summary>The classifier's answer: the most likely label and the probability of every label (in the model's key order).</summary>
public sealed class IntentPrediction
{
    public string PredictedLabel { get; set; } = string.Empty;

    public float[] Score { get; set; } = [];
}
