using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Storage.Cosmos;

/// <summary>Small helpers over the SDK: reads that return null for 404, and queries paged by continuation token.</summary>
internal static class CosmosContainerExtensions
{
    private const int PageSize = 100;

    public static async Task<(T Document, string ETag)?> ReadOrNullAsync<T>(this Container container, string id, string partitionKey, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.ReadItemAsync<T>(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            return (response.Resource, response.ETag);
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Runs a query (in one partition when <paramref name="partitionKey"/> is given, else across all), page by page.</summary>
    public static async IAsyncEnumerable<T> QueryAsync<T>(
        this Container container,
        QueryDefinition query,
        string? partitionKey,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        int pageSize = PageSize)
    {
        var options = new QueryRequestOptions { MaxItemCount = pageSize };
        if (partitionKey is not null)
        {
            options.PartitionKey = new PartitionKey(partitionKey);
        }

        string? continuation = null;
        do
        {
            using var iterator = container.GetItemQueryIterator<T>(query, continuation, options);
            if (!iterator.HasMoreResults)
            {
                yield break;
            }

            var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            foreach (var item in page)
            {
                yield return item;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    public static async Task<List<T>> QueryListAsync<T>(this Container container, QueryDefinition query, string? partitionKey, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await foreach (var item in container.QueryAsync<T>(query, partitionKey, cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items;
    }

    public static bool Is(this CosmosException exception, HttpStatusCode status) => exception.StatusCode == status;

    /// <summary>Deletes the item (only this version of it when <paramref name="etag"/> is given); already gone or changed meanwhile is fine.</summary>
    public static async Task DeleteIfPresentAsync(this Container container, string id, string partitionKey, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            await container.DeleteItemAsync<object>(id, new PartitionKey(partitionKey), etag is null ? null : new ItemRequestOptions { IfMatchEtag = etag },
                cancellationToken).ConfigureAwait(false);
        }
        catch (CosmosException ex) when (ex.Is(HttpStatusCode.NotFound) || ex.Is(HttpStatusCode.PreconditionFailed))
        {
            // Already gone, or taken over by someone else meanwhile.
        }
    }
}
