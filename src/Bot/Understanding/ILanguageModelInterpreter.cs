namespace LibraryBot.Bot.Understanding;

/// <summary>
/// An optional second opinion for messages the local recogniser is unsure about (off by default; see
/// <c>Understanding:LanguageModel</c>). Receives the message with card numbers and PINs already masked.
/// </summary>
public interface ILanguageModelInterpreter
{
    /// <summary>An interpretation, or null when the model is not configured, did not answer in time, or answered outside the schema.</summary>
    Task<Interpretation?> InterpretAsync(string maskedText, CancellationToken cancellationToken);
}
