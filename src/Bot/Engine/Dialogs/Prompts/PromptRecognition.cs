namespace LibraryBot.Bot.Engine.Dialogs.Prompts;

/// <summary>Whether a prompt understood the answer, and what it understood.</summary>
public readonly record struct PromptRecognition<T>(bool Succeeded, T? Value)
{
    public static PromptRecognition<T> Ok(T value) => new(true, value);

    public static readonly PromptRecognition<T> NotRecognized = new(false, default);
}
