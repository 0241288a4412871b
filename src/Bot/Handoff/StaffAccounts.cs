using Microsoft.AspNetCore.Identity;

namespace LibraryBot.Bot.Handoff;

/// <summary>Creates staff accounts and checks passwords (PBKDF2 through ASP.NET Core Identity's password hasher).</summary>
public sealed class StaffAccounts(IStaffStore store)
{
    private static readonly PasswordHasher<StaffAccount> Hasher = new();

    // Verified when the name is unknown, so a wrong name costs as much time as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString("N"));

    public Task<bool> CreateAsync(string username, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        if (!StaffRole.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        var account = new StaffAccount(username, displayName, role, string.Empty, Available: false);
        return store.CreateAsync(account with { PasswordHash = Hasher.HashPassword(account, password) }, cancellationToken);
    }

    /// <summary>The account when the password is right, else null. Upgrades old hashes.</summary>
    public async Task<StaffAccount?> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var account = await store.FindAsync(username, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password);
            return null;
        }

        switch (Hasher.VerifyHashedPassword(account, account.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                return account;
            case PasswordVerificationResult.SuccessRehashNeeded:
                await store.UpdatePasswordHashAsync(account.Username, Hasher.HashPassword(account, password), cancellationToken).ConfigureAwait(false);
                return account;
            default:
                return null;
        }
    }
}
