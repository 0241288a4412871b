namespace LibraryBot.Bot.Handoff;

/// <summary>Staff accounts, their presence, and the audit log of who read or wrote which conversation.</summary>
public interface IStaffStore
{
    Task<StaffAccount?> FindAsync(string username, CancellationToken cancellationToken);

    /// <summary>Creates the account; false when the name is taken.</summary>
    Task<bool> CreateAsync(StaffAccount account, CancellationToken cancellationToken);

    Task UpdatePasswordHashAsync(string username, string passwordHash, CancellationToken cancellationToken);

    Task SetAvailableAsync(string username, bool available, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="username"/> did <paramref name="action"/> on a conversation (stored hashed).</summary>
    Task AuditAsync(string username, string action, string? conversationKey, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAuditEntry>> ListAuditAsync(string? conversationKey, int max, CancellationToken cancellationToken);
}
