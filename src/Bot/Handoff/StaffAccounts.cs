using Microsoft.AspNetCore.Identity;

namespace LibraryBot.Bot.Handoff;

/// <summary>Creates staff accounts, sets passwords and checks them (PBKDF2 through ASP.NET Core Identity's password hasher).</summary>
public sealed class StaffAccounts(IStaffStore store)
{
    private static readonly PasswordHasher<StaffAccount> Hasher = new();

    // Verified when the name is unknown, so a wrong name costs as much time as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString("N"));

    /// <summary>Creates the account (away, enabled); false when the username is taken. The values must pass <see cref="StaffAccountRules"/>.</summary>
    public Task<bool> CreateAsync(string username, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        if (StaffAccountRules.Problems(username, displayName, role, password) is [var first, ..])
        {
            throw new ArgumentException($"{first.Key}: {first.Value}");
        }

        var account = new StaffAccount(username, displayName.Trim(), role, string.Empty, Available: false);
        return store.CreateAsync(account with { PasswordHash = Hasher.HashPassword(account, password) }, cancellationToken);
    }

    /// <summary>Sets a new password (it must pass <see cref="StaffAccountRules.PasswordProblem"/>); false when there is no such account.</summary>
    public Task<bool> SetPasswordAsync(string username, string password, CancellationToken cancellationToken)
    {
        if (StaffAccountRules.PasswordProblem(password) is { } problem)
        {
            throw new ArgumentException($"password: {problem}");
        }

        return store.UpdatePasswordHashAsync(username, Hasher.HashPassword(null!, password), cancellationToken);
    }

    /// <summary>The account when the password is right (check <see cref="StaffAccount.Disabled"/>), else null. Upgrades old hashes.</summary>
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
