using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;

namespace LibraryBot.Bot.Tests.Engine;

public sealed class StringParityTests
{
    [Fact]
    public void Strings_WhenLoaded_HaveEveryKeyInAllFourLanguages()
    {
        Assert.NotEmpty(BotText.All);
        var missing = BotText.All
            .SelectMany(entry => BotLocales.All.Where(l => !entry.Value.TryGetValue(l, out var text) || string.IsNullOrWhiteSpace(text)).Select(l => $"{entry.Key} [{l}]"))
            .ToList();
        Assert.True(missing.Count == 0, "Missing translations: " + string.Join(", ", missing));
    }

    [Fact]
    public void Strings_WhenFormatted_HaveTheSamePlaceholdersInEveryLanguage()
    {
        var mismatched = BotText.All
            .Where(entry => entry.Value.Values.Select(Placeholders).Distinct().Count() > 1)
            .Select(entry => entry.Key)
            .ToList();
        Assert.True(mismatched.Count == 0, "Placeholders differ between languages: " + string.Join(", ", mismatched));
    }

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+[^}]*\}").Select(m => m.Value).Order());
}
