namespace LibraryBot.Bot.Console;

/// <summary>The patron's language as the console names it.</summary>
public static class LanguageNames
{
    public static string Of(string locale) => locale switch
    {
        "en" => "English",
        "es" => "Spanish",
        "zh-Hans" => "Chinese",
        "vi" => "Vietnamese",
        _ => locale,
    };
}
