namespace LibraryBot.Bot.Handoff;

/// <summary>
/// <c>Handoff:Admin</c>: created at start when no account of that name exists (set the password outside appsettings.json).
/// <c>DisplayName</c> is the name patrons see when this admin answers them.
/// </summary>
public sealed class AdminOptions
{
    public const string DefaultDisplayName = "Library staff";

    public string? Username { get; set; }

    public string? DisplayName { get; set; }

    public string? Password { get; set; }
}
