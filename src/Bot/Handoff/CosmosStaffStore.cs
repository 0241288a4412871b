using System.Net;
using LibraryBot.Bot.Storage;
using LibraryBot.Bot.Storage.Cosmos;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Handoff;

/// <summary>
/// Staff accounts and their audit log in Cosmos DB (docs/storage.md, "The console"). The accounts are one roster
/// document changed by conditional replace (<see cref="StaffRosterDocument"/>), so of two admins disabling each other at
/// once one wins and the other sees the result; audit lines are documents of their own, partitioned by the
/// conversation's hash.
/// </summary>
public sealed class CosmosStaffStore(CosmosStorage storage) : IStaffStore
{
    private const int MaxWriteAttempts = 20;
    private long _lastOrder;

    public async Task<StaffAccount?> FindAsync(string username, CancellationToken cancellationToken) =>
        (await ReadRosterAsync(cancellationToken).ConfigureAwait(false)).Find(username)?.ToAccount();

    public Task<bool> CreateAsync(StaffAccount account, CancellationToken cancellationToken) =>
        ChangeAsync(roster =>
        {
            if (roster.Find(account.Username) is not null)
            {
                return (false, false);
            }

            roster.Accounts.Add(StaffRow.From(account));
            return (true, true);
        }, cancellationToken);

    public Task<bool> UpdatePasswordHashAsync(string username, string passwordHash, CancellationToken cancellationToken) =>
        ChangeAsync(roster =>
        {
            if (roster.Find(username) is not { } row)
            {
                return (false, false);
            }

            row.PasswordHash = passwordHash;
            return (true, true);
        }, cancellationToken);

    public Task SetAvailableAsync(string username, bool available, CancellationToken cancellationToken) =>
        ChangeAsync(roster =>
        {
            if (roster.Find(username) is not { } row || row.Available == available)
            {
                return (false, false);
            }

            row.Available = available;
            return (true, true);
        }, cancellationToken);

    public Task<StaffChange> SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken) =>
        ChangeAccountAsync(username, (roster, row) =>
        {
            if (disabled && row.IsActiveAdmin && !AnotherActiveAdmin(roster, row))
            {
                return StaffChange.LastActiveAdmin;
            }

            row.Disabled = disabled;
            row.Available = !disabled && row.Available;
            return StaffChange.Done;
        }, cancellationToken);

    public Task<StaffChange> SetRoleAsync(string username, string role, CancellationToken cancellationToken) =>
        ChangeAccountAsync(username, (roster, row) =>
        {
            if (role != StaffRole.Admin && row.IsActiveAdmin && !AnotherActiveAdmin(roster, row))
            {
                return StaffChange.LastActiveAdmin;
            }

            row.Role = role;
            return StaffChange.Done;
        }, cancellationToken);

    public Task<StaffChange> SetDisplayNameAsync(string username, string displayName, CancellationToken cancellationToken) =>
        ChangeAccountAsync(username, (_, row) =>
        {
            row.DisplayName = displayName;
            return StaffChange.Done;
        }, cancellationToken);

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) =>
        (await ReadRosterAsync(cancellationToken).ConfigureAwait(false)).Accounts
            .OrderBy(a => a.Username, StringComparer.OrdinalIgnoreCase).Select(a => a.ToAccount()).ToList();

    public async Task AuditAsync(string username, string action, string? conversationKey, DateTimeOffset at, CancellationToken cancellationToken, string? target = null)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var hash = conversationKey is null ? null : LogIds.Hash(conversationKey);
        var document = new StaffAuditDocument
        {
            Id = "audit-" + Guid.NewGuid().ToString("N"),
            Pk = StaffAuditDocument.PartitionFor(hash),
            Order = NextOrder(at),
            AtMs = at.ToUnixTimeMilliseconds(),
            Username = username,
            Action = action,
            ConversationHash = hash,
            Target = target,
        };
        await container.CreateItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One conversation's lines are a single-partition query; all lines (the audit page) cross partitions.</summary>
    public async Task<IReadOnlyList<StaffAuditEntry>> ListAuditAsync(string? conversationKey, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition($"SELECT TOP {max} * FROM c WHERE c.type = @type ORDER BY c[\"order\"] DESC")
            .WithParameter("@type", StaffAuditDocument.DocumentType);
        var partition = conversationKey is null ? null : StaffAuditDocument.PartitionFor(LogIds.Hash(conversationKey));
        var documents = await container.QueryListAsync<StaffAuditDocument>(query, partition, cancellationToken).ConfigureAwait(false);
        return documents.OrderByDescending(d => d.Order).Take(max)
            .Select(d => new StaffAuditEntry(DateTimeOffset.FromUnixTimeMilliseconds(d.AtMs), d.Username, d.Action, d.ConversationHash, d.Target))
            .ToList();
    }

    private static bool AnotherActiveAdmin(StaffRosterDocument roster, StaffRow row) =>
        roster.Accounts.Exists(a => a != row && a.IsActiveAdmin);

    private long NextOrder(DateTimeOffset at)
    {
        var wanted = at.ToUnixTimeMilliseconds() * 1000;
        while (true)
        {
            var last = Interlocked.Read(ref _lastOrder);
            var next = Math.Max(wanted, last + 1);
            if (Interlocked.CompareExchange(ref _lastOrder, next, last) == last)
            {
                return next;
            }
        }
    }

    private Task<StaffChange> ChangeAccountAsync(string username, Func<StaffRosterDocument, StaffRow, StaffChange> change, CancellationToken cancellationToken) =>
        ChangeAsync(roster =>
        {
            var outcome = roster.Find(username) is { } row ? change(roster, row) : StaffChange.NotFound;
            return (outcome == StaffChange.Done, outcome);
        }, cancellationToken);

    /// <summary>
    /// Reads the roster, applies <paramref name="change"/> (which says whether it wrote and what to answer) and replaces
    /// it if that version is still current; on a lost race the change is applied again to the newer roster.
    /// </summary>
    private async Task<T> ChangeAsync<T>(Func<StaffRosterDocument, (bool Write, T Result)> change, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await container.ReadOrNullAsync<StaffRosterDocument>(StaffRosterDocument.DocumentId, StaffRosterDocument.Partition, cancellationToken)
                .ConfigureAwait(false);
            var roster = stored?.Document ?? new StaffRosterDocument();
            var (write, result) = change(roster);
            if (!write)
            {
                return result;
            }

            roster.ETag = null;
            try
            {
                if (stored is { ETag: var etag })
                {
                    await container.ReplaceItemAsync(roster, roster.Id, new PartitionKey(roster.Pk), new ItemRequestOptions { IfMatchEtag = etag },
                        cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await container.CreateItemAsync(roster, new PartitionKey(roster.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                return result;
            }
            catch (CosmosException ex) when ((ex.Is(HttpStatusCode.PreconditionFailed) || ex.Is(HttpStatusCode.Conflict)) && attempt < MaxWriteAttempts)
            {
                // Another instance changed the roster since it was read: apply the change again to its version.
            }
        }
    }

    private async Task<StaffRosterDocument> ReadRosterAsync(CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        return (await container.ReadOrNullAsync<StaffRosterDocument>(StaffRosterDocument.DocumentId, StaffRosterDocument.Partition, cancellationToken)
            .ConfigureAwait(false))?.Document ?? new StaffRosterDocument();
    }
}
