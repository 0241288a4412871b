using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>Card and PIN checks (with lockout) and the patron's account: loans, holds and fines.</summary>
internal sealed class EmbeddedAccounts(EmbeddedDatabase database, CirculationRules rules, ILogger logger)
{
    private const string WrongCredentialsMessage = "Invalid card number or PIN.";

    public async Task<AuthResult> AuthenticateAsync(string cardNumberOrUserId, string pin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var patron = await connection.QuerySingleOrDefaultAsync<PatronRow>(new CommandDefinition(
            $"SELECT {PatronRow.Columns} FROM patrons WHERE card_number = @id OR patron_id = @id",
            new { id = cardNumberOrUserId.Trim() }, cancellationToken: cancellationToken));
        if (patron?.PinHash is null)
        {
            return AuthResult.Refused(AuthFailure.WrongCredentials, WrongCredentialsMessage);
        }

        var options = rules.Options;
        var now = database.Now;
        var recent = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT at FROM pin_failures WHERE patron_id = @id AND at > @since ORDER BY at DESC LIMIT @limit",
            new { id = patron.PatronId, since = now.AddMinutes(-options.LockoutMinutes).ToUnixTimeMilliseconds(), limit = options.LockoutAttempts },
            cancellationToken: cancellationToken))).ToList();
        if (recent.Count >= options.LockoutAttempts)
        {
            return LockedOut(recent[^1], now);
        }

        if (!PinHasher.Verify(pin, patron.PinHash))
        {
            var at = now.ToUnixTimeMilliseconds();
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO pin_failures (patron_id, at) VALUES (@id, @at)", new { id = patron.PatronId, at }, cancellationToken: cancellationToken));
            if (recent.Count + 1 < options.LockoutAttempts)
            {
                return AuthResult.Refused(AuthFailure.WrongCredentials, WrongCredentialsMessage);
            }

            CatalogLog.PatronLockedOut(logger, CatalogLog.Hash(patron.PatronId), options.LockoutAttempts);
            return LockedOut(recent.Count == 0 ? at : recent[^1], now);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM pin_failures WHERE patron_id = @id", new { id = patron.PatronId }, cancellationToken: cancellationToken));
        var today = database.Today;
        if (rules.PatronRefusal(patron, today) is { } refusal)
        {
            return AuthResult.Refused(patron.ExpiresOn < today ? AuthFailure.Expired : AuthFailure.Blocked, refusal.Message);
        }

        return AuthResult.Ok(patron.PatronId, patron.FirstName);
    }

    public async Task<PatronIdentity?> FindPatronByCardAsync(string cardNumber, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var patron = await connection.QuerySingleOrDefaultAsync<PatronRow>(new CommandDefinition(
            $"SELECT {PatronRow.Columns} FROM patrons WHERE card_number = @card", new { card = cardNumber.Trim() }, cancellationToken: cancellationToken));
        return patron is null ? null : new PatronIdentity(patron.PatronId, patron.FirstName);
    }

    public async Task<PatronAccount> GetAccountAsync(string patronId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var patron = await RequirePatronAsync(connection, null, patronId, cancellationToken);
        var today = database.Today;
        var loans = await LoadLoansAsync(connection, null, patronId, cancellationToken);
        var holds = await connection.QueryAsync<HoldRow>(new CommandDefinition(HoldRow.SelectByPatron, new { patronId }, cancellationToken: cancellationToken));

        return new PatronAccount(
            patron.PatronId,
            patron.FirstName,
            patron.HomeBranch,
            loans.Select(l => ToLoan(l, patron, today)).ToList(),
            holds.Select(h => h.ToHold()).ToList(),
            patron.Fines,
            rules.Options.Currency);
    }

    /// <summary>Several patrons' accounts with three queries in all (patrons, loans, holds); unknown patrons are left out.</summary>
    public async Task<IReadOnlyDictionary<string, PatronAccount>> GetAccountsAsync(IReadOnlyCollection<string> patronIds, CancellationToken cancellationToken)
    {
        var accounts = new Dictionary<string, PatronAccount>(StringComparer.Ordinal);
        if (patronIds.Count == 0)
        {
            return accounts;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = System.Text.Json.JsonSerializer.Serialize(patronIds.Distinct(StringComparer.Ordinal));
        var patrons = await connection.QueryAsync<PatronRow>(new CommandDefinition(
            $"SELECT {PatronRow.Columns} FROM patrons WHERE patron_id IN (SELECT value FROM json_each(@ids))", new { ids }, cancellationToken: cancellationToken));
        var loans = (await connection.QueryAsync<LoanRow>(new CommandDefinition(LoanRow.SelectByPatrons, new { ids }, cancellationToken: cancellationToken)))
            .ToLookup(l => l.PatronId, StringComparer.Ordinal);
        var holds = (await connection.QueryAsync<HoldRow>(new CommandDefinition(HoldRow.SelectByPatrons, new { ids }, cancellationToken: cancellationToken)))
            .ToLookup(h => h.PatronId, StringComparer.Ordinal);
        var today = database.Today;
        foreach (var patron in patrons)
        {
            accounts[patron.PatronId] = new PatronAccount(
                patron.PatronId,
                patron.FirstName,
                patron.HomeBranch,
                loans[patron.PatronId].Select(l => ToLoan(l, patron, today)).ToList(),
                holds[patron.PatronId].Select(h => h.ToHold()).ToList(),
                patron.Fines,
                rules.Options.Currency);
        }

        return accounts;
    }

    /// <summary>The patron, or <see cref="CatalogueErrorKind.NotFound"/>.</summary>
    public static async Task<PatronRow> RequirePatronAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string patronId, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<PatronRow>(new CommandDefinition(
            $"SELECT {PatronRow.Columns} FROM patrons WHERE patron_id = @patronId", new { patronId }, transaction, cancellationToken: cancellationToken))
        ?? throw new CatalogueException(CatalogueErrorKind.NotFound, "No such patron in the demo library.");

    public static async Task<List<LoanRow>> LoadLoansAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string patronId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<LoanRow>(new CommandDefinition(LoanRow.SelectByPatron, new { patronId }, transaction, cancellationToken: cancellationToken)))
        .ToList();

    private Loan ToLoan(LoanRow loan, PatronRow patron, DateOnly today)
    {
        var refusal = rules.RenewalRefusal(patron, loan.Renewals, loan.OthersWaiting != 0, today);
        return new Loan(loan.Id, loan.RecordId.ToString(CultureInfo.InvariantCulture), loan.Title, loan.ItemId, loan.DueDate, (int)loan.Renewals,
            rules.RenewalsLeft(loan.Renewals), refusal is null, refusal?.Reason, refusal?.Message);
    }

    private AuthResult LockedOut(long oldestRecentFailure, DateTimeOffset now)
    {
        var unlock = DateTimeOffset.FromUnixTimeMilliseconds(oldestRecentFailure).AddMinutes(rules.Options.LockoutMinutes);
        var minutes = Math.Max(1, (int)Math.Ceiling((unlock - now).TotalMinutes));
        return AuthResult.Refused(AuthFailure.LockedOut,
            $"Too many wrong PINs. This card is locked; try again in {minutes} minute{(minutes == 1 ? string.Empty : "s")}.");
    }
}
