using System.Net;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>
/// A named lease in Cosmos DB (a notice run, the broadcast dispatcher): one document per name in partition
/// <c>_leases</c>, taken or renewed by its owner, taken over once it has lapsed (ETag-checked, so two instances never
/// both win), released by its owner.
/// </summary>
public sealed class CosmosLease(CosmosStorage storage, string name)
{
    public async Task<bool> TryTakeAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var partition = new PartitionKey(LeaseDocument.Partition);
        var current = await container.ReadOrNullAsync<LeaseDocument>(name, LeaseDocument.Partition, cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is not { } held)
            {
                await container.CreateItemAsync(new LeaseDocument { Id = name, Owner = owner, UntilMs = until.ToUnixTimeMilliseconds() }, partition,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (held.Document.Owner != owner && held.Document.UntilMs > now.ToUnixTimeMilliseconds())
            {
                return false;
            }

            held.Document.Owner = owner;
            held.Document.UntilMs = until.ToUnixTimeMilliseconds();
            await container.ReplaceItemAsync(held.Document, held.Document.Id, partition, new ItemRequestOptions { IfMatchEtag = held.ETag },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict) || ex.Is(HttpStatusCode.PreconditionFailed) || ex.Is(HttpStatusCode.NotFound))
        {
            // Another instance created, took or released it between the read and the write: theirs this time.
            return false;
        }
    }

    public async Task ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        if (await container.ReadOrNullAsync<LeaseDocument>(name, LeaseDocument.Partition, cancellationToken).ConfigureAwait(false) is { } held
            && held.Document.Owner == owner)
        {
            await container.DeleteIfPresentAsync(name, LeaseDocument.Partition, held.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Who holds the lease now (null when nobody does, or it has lapsed).</summary>
    public async Task<string?> HolderAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        return await container.ReadOrNullAsync<LeaseDocument>(name, LeaseDocument.Partition, cancellationToken).ConfigureAwait(false)
            is { } held && held.Document.UntilMs > now.ToUnixTimeMilliseconds() ? held.Document.Owner : null;
    }

    /// <summary>Which instance holds a lease, until when.</summary>
    private sealed class LeaseDocument
    {
        public const string Partition = "_leases";

        public required string Id { get; init; }

        public string Pk { get; init; } = Partition;

        public string Type { get; init; } = "lease";

        public required string Owner { get; set; }

        public required long UntilMs { get; set; }
    }
}
