using System.Net;
using LibraryBot.Bot.Storage.Cosmos;
using LibraryBot.Channels.Activities;
using Microsoft.Azure.Cosmos;

namespace LibraryBot.Bot.Consent;

/// <summary>
/// The consent ledger in Cosmos DB: one document per event, in the address's own partition (<c>consent:&lt;hash&gt;</c>),
/// numbered by <see cref="CosmosSequence"/> so the latest event is well defined; events are only ever created.
/// </summary>
public sealed class CosmosConsentLedger(CosmosStorage storage, CosmosSequence sequence) : IConsentLedger
{
    private const string Counter = "consent-seq";
    private byte[]? _key;

    public async Task AppendAsync(ConversationRef address, ConsentRecord record, CancellationToken cancellationToken)
    {
        var hash = await HashAsync(address, cancellationToken).ConfigureAwait(false);
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var seq = await sequence.ReserveAsync(Counter, 1, cancellationToken).ConfigureAwait(false);
        var document = new ConsentDocument
        {
            Id = "consent-" + seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Pk = ConsentDocument.PartitionFor(hash),
            Seq = seq,
            Channel = address.Channel,
            AddressHash = hash,
            Record = record,
            Purpose = record.Purpose,
            Granted = record.Action == ConsentAction.Grant,
        };
        await container.CreateItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ConsentEvent>> HistoryAsync(ConversationRef address, CancellationToken cancellationToken)
    {
        var hash = await HashAsync(address, cancellationToken).ConfigureAwait(false);
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type ORDER BY c.seq").WithParameter("@type", ConsentDocument.DocumentType);
        var documents = await container.QueryListAsync<ConsentDocument>(query, ConsentDocument.PartitionFor(hash), cancellationToken).ConfigureAwait(false);
        return documents.Select(d => new ConsentEvent(d.Seq, d.Channel, d.AddressHash, d.Record)).ToList();
    }

    public async Task<IReadOnlySet<string>> GrantedAsync(string purpose, CancellationToken cancellationToken) =>
        (await LatestAsync(purpose, cancellationToken).ConfigureAwait(false)).Where(l => l.Value.Granted).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Across partitions (one per address): read by a notice run or a broadcast's planning, never on a turn.</summary>
    public async Task<IReadOnlyDictionary<string, ConsentLatest>> LatestAsync(string purpose, CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        var query = new QueryDefinition("SELECT c.addressHash, c.seq, c.record FROM c WHERE c.type = @type AND c.purpose = @purpose")
            .WithParameter("@type", ConsentDocument.DocumentType).WithParameter("@purpose", purpose);
        var latest = new Dictionary<string, (long Seq, ConsentRecord Record)>(StringComparer.Ordinal);
        await foreach (var row in container.QueryAsync<ConsentRow>(query, null, cancellationToken).ConfigureAwait(false))
        {
            if (!latest.TryGetValue(row.AddressHash, out var seen) || row.Seq > seen.Seq)
            {
                latest[row.AddressHash] = (row.Seq, row.Record);
            }
        }

        return latest.ToDictionary(
            l => l.Key,
            l => new ConsentLatest(l.Value.Record.Action == ConsentAction.Grant, l.Value.Record.Source, l.Value.Record.At),
            StringComparer.Ordinal);
    }

    public async Task<string> HashAsync(ConversationRef address, CancellationToken cancellationToken) =>
        AddressHasher.Hash(_key ??= await KeyAsync(cancellationToken).ConfigureAwait(false), address);

    /// <summary>The HMAC key: created at random by the first instance that needs it; every instance reads the same one.</summary>
    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        var container = await storage.GetContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await container.CreateItemAsync(new SecretDocument { Id = SecretDocument.AddressKeyId, Value = AddressHasher.NewKey() },
                new PartitionKey(SecretDocument.Partition), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // Another instance created it first: read theirs.
        }

        var stored = await container.ReadOrNullAsync<SecretDocument>(SecretDocument.AddressKeyId, SecretDocument.Partition, cancellationToken).ConfigureAwait(false);
        return Convert.FromBase64String(stored!.Value.Document.Value);
    }

    private sealed record ConsentRow(string AddressHash, long Seq, ConsentRecord Record);
}

/// <summary>One consent event in Cosmos DB.</summary>
internal sealed class ConsentDocument
{
    public const string DocumentType = "consent";

    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = DocumentType;

    public required long Seq { get; init; }

    public required ChannelId Channel { get; init; }

    public required string AddressHash { get; init; }

    /// <summary>Copied from the record for queries across addresses.</summary>
    public required string Purpose { get; init; }

    public required bool Granted { get; init; }

    public required ConsentRecord Record { get; init; }

    public static string PartitionFor(string hash) => "consent:" + hash;
}

/// <summary>A secret the stores keep for themselves (the consent ledger's HMAC key).</summary>
internal sealed class SecretDocument
{
    public const string Partition = "_secrets";
    public const string AddressKeyId = "consent-address-key";

    public required string Id { get; init; }

    public string Pk { get; init; } = Partition;

    public string Type { get; init; } = "secret";

    public required string Value { get; init; }
}
