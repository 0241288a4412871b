namespace LibraryBot.Bot.Handoff;

/// <summary>Staff accounts, their presence, and the audit log of who read or changed what.</summary>
public interface IStaffStore
{
    Task<StaffAccount?> FindAsync(string username, CancellationToken cancellationToken);

    /// <summary>Creates the account; false when the name is taken (names are compared ignoring case).</summary>
    Task<bool> CreateAsync(StaffAccount account, CancellationToken cancellationToken);

    /// <summary>False when there is no such account.</summary>
    Task<bool> UpdatePasswordHashAsync(string username, string passwordHash, CancellationToken cancellationToken);

    Task SetAvailableAsync(string username, bool available, CancellationToken cancellationToken);

    /// <summary>Disables (also setting away) or enables an account; never disables the last active admin.</summary>
    Task<StaffChange> SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken);

    /// <summary>Changes the role; never demotes the last active admin.</summary>
    Task<StaffChange> SetRoleAsync(string username, string role, CancellationToken cancellationToken);

    Task<StaffChange> SetDisplayNameAsync(string username, string displayName, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="username"/> did <paramref name="action"/>, on a conversation (stored hashed) or on
    /// another staff account (<paramref name="target"/>, its username).
    /// </summary>
    Task AuditAsync(string username, string action, string? conversationKey, DateTimeOffset at, CancellationToken cancellationToken, string? target = null);

    Task<IReadOnlyList<StaffAuditEntry>> ListAuditAsync(string? conversationKey, int max, CancellationToken cancellationToken);
}
