namespace LibraryBot.Bot.Handoff;

/// <summary>
/// The sandbox's demo librarian, so the console beside the simulator works with no setup. Created at the first sandbox
/// start (<see cref="SandboxLibrarianSeeder"/>); its password is printed once, in the start log line.
/// </summary>
public sealed class SandboxLibrarian
{
    public const string Username = "librarian";

    /// <summary>What patrons in the simulator see when the demo librarian joins.</summary>
    public const string DisplayName = "Robin";

    /// <summary>The password, when this start created the account (null otherwise: it is never shown twice).</summary>
    public string? NewPassword { get; internal set; }
}
