using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>Renewals and holds: each request runs in one write transaction and really changes the library.</summary>
internal sealed class EmbeddedCirculation(EmbeddedDatabase database, CirculationRules rules, ILogger logger)
{
    public async Task<RenewalOutcome> RenewAsync(string patronId, string loanId, CancellationToken cancellationToken)
    {
        var outcomes = await RenewWhereAsync(patronId, loans => loans.Where(l => l.Id == loanId), cancellationToken);
        return outcomes.Count == 1
            ? outcomes[0]
            : new RenewalOutcome(loanId, string.Empty, false, null, OutcomeReason.NotFound, "There is no such loan on this card.");
    }

    public Task<IReadOnlyList<RenewalOutcome>> RenewAllAsync(string patronId, CancellationToken cancellationToken) =>
        RenewWhereAsync(patronId, loans => loans, cancellationToken);

    public async Task<HoldOutcome> PlaceHoldAsync(string patronId, string recordId, string pickupBranchId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var patron = await EmbeddedAccounts.RequirePatronAsync(connection, transaction, patronId, cancellationToken);
        if (!EmbeddedRecords.TryParseId(recordId, out var id) || await ScalarAsync(connection, transaction,
                "SELECT count(*) FROM records WHERE id = @id", new { id }, cancellationToken) == 0)
        {
            return Refused("place", patronId, OutcomeReason.NotFound, "There is no such title in the catalogue.");
        }

        if (await ScalarAsync(connection, transaction, "SELECT count(*) FROM branches WHERE branch_id = @b AND pickup = 1",
                new { b = pickupBranchId }, cancellationToken) == 0)
        {
            return Refused("place", patronId, OutcomeReason.HoldNotAllowed, "Holds cannot be picked up at that branch.");
        }

        var (alreadyHeld, onLoan, loanable, holds) = await connection.QuerySingleAsync<(long, long, long, long)>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM holds WHERE patron_id = @patronId AND record_id = @id) AS AlreadyHeld,
                   EXISTS (SELECT 1 FROM loans l JOIN items i ON i.item_id = l.item_id WHERE l.patron_id = @patronId AND i.record_id = @id) AS OnLoanToPatron,
                   (SELECT count(*) FROM items WHERE record_id = @id AND status <> 'not_for_loan') AS LoanableCopies,
                   (SELECT count(*) FROM holds WHERE patron_id = @patronId) AS ActiveHolds
            """, new { patronId, id }, transaction, cancellationToken: cancellationToken));
        var context = new HoldContext(alreadyHeld != 0, onLoan != 0, loanable, holds);
        if (rules.HoldRefusal(patron, database.Today, context) is { } refusal)
        {
            return Refused("place", patronId, refusal.Reason, refusal.Message);
        }

        var holdId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO holds (patron_id, record_id, pickup_branch, placed_at, status) VALUES (@patronId, @id, @b, @at, 'waiting') RETURNING hold_id",
            new { patronId, id, b = pickupBranchId, at = database.Now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
        var position = await ScalarAsync(connection, transaction,
            "SELECT count(*) FROM holds WHERE record_id = @id AND status = 'waiting'", new { id }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        CatalogLog.HoldChanged(logger, "place", CatalogLog.Hash(patronId), "placed");
        return new HoldOutcome(true, holdId.ToString(CultureInfo.InvariantCulture), QueuePosition: (int)position);
    }

    public async Task<HoldOutcome> CancelHoldAsync(string patronId, string holdId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await EmbeddedAccounts.RequirePatronAsync(connection, transaction, patronId, cancellationToken);
        var hold = EmbeddedRecords.TryParseId(holdId, out var id)
            ? await connection.QuerySingleOrDefaultAsync<(string Status, string? ItemId)>(new CommandDefinition(
                "SELECT status, item_id FROM holds WHERE hold_id = @id AND patron_id = @patronId", new { id, patronId }, transaction,
                cancellationToken: cancellationToken))
            : default;
        if (hold.Status is null)
        {
            return Refused("cancel", patronId, OutcomeReason.NotFound, "There is no such hold on this card.");
        }

        if (hold is { Status: ItemStatuses.HoldReady, ItemId: { } shelved })
        {
            // The copy leaves the hold shelf and goes back on the open shelf.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE items SET status = 'available' WHERE item_id = @shelved", new { shelved }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM holds WHERE hold_id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        CatalogLog.HoldChanged(logger, "cancel", CatalogLog.Hash(patronId), "cancelled");
        return new HoldOutcome(true, holdId);
    }

    private async Task<IReadOnlyList<RenewalOutcome>> RenewWhereAsync(
        string patronId, Func<List<LoanRow>, IEnumerable<LoanRow>> select, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var patron = await EmbeddedAccounts.RequirePatronAsync(connection, transaction, patronId, cancellationToken);
        var today = database.Today;
        var outcomes = new List<RenewalOutcome>();
        foreach (var loan in select(await EmbeddedAccounts.LoadLoansAsync(connection, transaction, patronId, cancellationToken)))
        {
            if (rules.RenewalRefusal(patron, loan.Renewals, loan.OthersWaiting != 0, today) is { } refusal)
            {
                outcomes.Add(new RenewalOutcome(loan.Id, loan.Title, false, null, refusal.Reason, refusal.Message));
                continue;
            }

            var due = rules.RenewedDueDate(loan.DueDate, today);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE loans SET due = @due, renewals = renewals + 1 WHERE loan_id = @id",
                new { due = EmbeddedDatabase.FormatDate(due), id = loan.LoanId }, transaction, cancellationToken: cancellationToken));
            outcomes.Add(new RenewalOutcome(loan.Id, loan.Title, true, due));
        }

        await transaction.CommitAsync(cancellationToken);
        CatalogLog.RenewalsDone(logger, CatalogLog.Hash(patronId), outcomes.Count(o => o.Renewed), outcomes.Count);
        return outcomes;
    }

    private HoldOutcome Refused(string action, string patronId, OutcomeReason reason, string message)
    {
        CatalogLog.HoldChanged(logger, action, CatalogLog.Hash(patronId), reason.ToString());
        return new HoldOutcome(false, null, reason, message);
    }

    private static Task<long> ScalarAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
}
