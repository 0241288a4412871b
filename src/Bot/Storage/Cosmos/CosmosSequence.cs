using System.Net;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>
/// Numbers inbox entries and replies (the store contracts use <see cref="long"/> ids) with counters incremented
/// atomically by a patch: one round trip reserves a whole range, in order.
/// </summary>
public sealed class CosmosSequence(CosmosStorage storage)
{
    public const string Inbox = "inbox-seq";
    public const string Outbox = "outbox-id";

    /// <summary>Reserves <paramref name="count"/> consecutive numbers of <paramref name="counter"/>; returns the first.</summary>
    public Task<long> ReserveAsync(string counter, int count, CancellationToken cancellationToken) =>
        ReserveAsync(counter, CounterDocument.Partition, count, cancellationToken);

    /// <summary>
    /// Reserves numbers of a counter kept in <paramref name="partitionKey"/>: a counter of one conversation lives in that
    /// conversation's partition, so instances serving different conversations never write the same document.
    /// </summary>
    public async Task<long> ReserveAsync(string counter, string partitionKey, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var partition = new PartitionKey(partitionKey);
        while (true)
        {
            try
            {
                var response = await container.PatchItemAsync<CounterDocument>(counter, partition,
                    [PatchOperation.Increment("/value", count)], cancellationToken: cancellationToken).ConfigureAwait(false);
                return response.Resource.Value - count + 1;
            }
            catch (CosmosException ex) when (ex.Is(HttpStatusCode.NotFound))
            {
                await CreateCounterAsync(container, counter, partitionKey, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task CreateCounterAsync(Container container, string counter, string partitionKey, CancellationToken cancellationToken)
    {
        try
        {
            await container.CreateItemAsync(new CounterDocument { Id = counter, Pk = partitionKey }, new PartitionKey(partitionKey),
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (CosmosException ex) when (ex.Is(HttpStatusCode.Conflict))
        {
            // Another process created it first: the increment is retried on that one.
        }
    }
}
