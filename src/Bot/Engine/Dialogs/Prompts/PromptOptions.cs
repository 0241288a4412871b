using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>
/// What a prompt asks. <see cref="Prompt"/> is the question; <see cref="RetryPrompt"/> replaces it when re-asking.
/// A message that does not answer is asked about once more; the second time the question is dropped and the message is
/// taken as a new request (<see cref="MaxAttempts"/>). Everything is kept as string resources, so a re-ask after a
/// language switch comes in the new language.
/// </summary>
public sealed record PromptOptions
{
    public required Say Prompt { get; init; }

    public Say? RetryPrompt { get; init; }

    public IReadOnlyList<PromptChoice>? Choices { get; init; }

    /// <summary>Label of the button that opens the list of choices, where a channel shows one.</summary>
    public Say? ListButton { get; init; }

    public int MaxAttempts { get; init; } = 2;

    /// <summary>
    /// An offer at the end of an answer ("Would you like to renew?", the search results, the menu) rather than a
    /// question the patron's own request needs answered: a quick question on the side (hours, help) drops it instead of
    /// asking it again afterwards.
    /// </summary>
    public bool Optional { get; init; }

    /// <summary>Intents whose words count as "yes" here (saying "librarian" when asked whether you want a librarian).</summary>
    public IReadOnlyList<string>? YesIntents { get; init; }
}
