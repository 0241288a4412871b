namespace LibraryBot.Bot.Understanding.LanguageModel;

/// <summary>What the language model must answer (the JSON schema it is given): an intent from the list, how sure it is, and search words.</summary>
public sealed record LanguageModelAnswer(string Intent, double Confidence, string? Terms, string? Author);
