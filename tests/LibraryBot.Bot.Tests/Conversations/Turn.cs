using System.Text.Json.Nodes;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>What the patron received in one turn: readable texts (choices listed) and the raw bodies.</summary>
public sealed record Turn(IReadOnlyList<string> Messages, IReadOnlyList<JsonNode> Raw)
{
    public string Text => string.Join("\n---\n", Messages);

    public Turn Contains(string expected)
    {
        Assert.True(Text.Contains(expected, StringComparison.Ordinal), $"Expected \"{expected}\" in:\n{Text}");
        return this;
    }

    public Turn DoesNotContain(string unexpected)
    {
        Assert.False(Text.Contains(unexpected, StringComparison.Ordinal), $"Did not expect \"{unexpected}\" in:\n{Text}");
        return this;
    }
}
