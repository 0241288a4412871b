using LibraryBot.Bot.Handoff;

namespace LibraryBot.Bot.Console;

/// <summary>The create-staff command's arguments.</summary>
public sealed class CreateStaffOptions
{
    public string? Username { get; set; }

    public string? DisplayName { get; set; }

    public string Role { get; set; } = StaffRole.Librarian;

    public bool PasswordFromStdin { get; set; }
}
