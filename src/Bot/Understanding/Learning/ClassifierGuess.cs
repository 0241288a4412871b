namespace LibraryBot.Bot.Understanding.Learning;

/// <summary>The classifier's two most likely intents with their probabilities.</summary>
public sealed record ClassifierGuess(string Intent, double Probability, string RunnerUp, double RunnerUpProbability)
{
    public double Margin => Probability - RunnerUpProbability;
}
