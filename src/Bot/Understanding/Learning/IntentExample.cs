namespace LibraryBot.Bot.Understanding.Learning;

/// <summary>One row the classifier learns from or predicts for (ML.NET maps columns by property name).</summary>
public sealed class IntentExample
{
    public string Label { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;
}
