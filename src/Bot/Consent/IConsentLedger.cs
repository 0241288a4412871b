using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Consent;

/// <summary>
/// The append-only consent ledger shared by notices and broadcasts. Addresses (a conversation: channel, the library's
/// account, the patron's id) are stored only as a keyed hash; the current consent for a purpose is the latest event
/// for (address, purpose).
/// </summary>
public interface IConsentLedger
{
    Task AppendAsync(ConversationRef address, ConsentRecord record, CancellationToken cancellationToken);

    /// <summary>Every event for the address, oldest first.</summary>
    Task<IReadOnlyList<ConsentEvent>> HistoryAsync(ConversationRef address, CancellationToken cancellationToken);

    /// <summary>The hashes of the addresses whose latest event for the purpose is a grant.</summary>
    Task<IReadOnlySet<string>> GrantedAsync(string purpose, CancellationToken cancellationToken);

    /// <summary>The latest event for the purpose of every address that has one, by address hash (a broadcast's audience and its exclusions).</summary>
    Task<IReadOnlyDictionary<string, ConsentLatest>> LatestAsync(string purpose, CancellationToken cancellationToken);

    /// <summary>The keyed hash the ledger stores for the address.</summary>
    Task<string> HashAsync(ConversationRef address, CancellationToken cancellationToken);
}
