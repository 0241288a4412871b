using LibraryBot.Channels.Outbound;

namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>
/// What a prompt asks. <see cref="Prompt"/> is the question; <see cref="RetryPrompt"/> replaces it when re-asking;
/// after <see cref="MaxAttempts"/> invalid answers the prompt gives up politely.
/// </summary>
public sealed record PromptOptions
{
    public required string Prompt { get; init; }

    public string? RetryPrompt { get; init; }

    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>Label of the button that opens the list of choices, where a channel shows one.</summary>
    public string? ListButton { get; init; }

    public int MaxAttempts { get; init; } = 3;
}
