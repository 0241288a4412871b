namespace LibraryBot.Bot.Console;

/// <summary>Account fields as error messages name them ("Password must be at least 10 characters.").</summary>
public static class FieldNames
{
    public static string Of(string field) => field switch
    {
        "username" => "Username",
        "displayName" => "Display name",
        "role" => "Role",
        "password" => "Password",
        _ => field,
    };
}
