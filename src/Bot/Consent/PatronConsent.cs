using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Consent;

/// <summary>The questions the bot asks of the consent ledger: is a purpose granted on this address, and record a change.</summary>
public sealed class PatronConsent(IConsentLedger ledger)
{
    public async Task<ConsentEvent?> LatestAsync(ConversationRef address, string purpose, CancellationToken cancellationToken) =>
        (await ledger.HistoryAsync(address, cancellationToken).ConfigureAwait(false)).LastOrDefault(e => e.Record.Purpose == purpose);

    public async Task<bool> IsGrantedAsync(ConversationRef address, string purpose, CancellationToken cancellationToken) =>
        (await LatestAsync(address, purpose, cancellationToken).ConfigureAwait(false))?.Granted == true;

    public Task RecordAsync(ConversationRef address, ConsentRecord record, CancellationToken cancellationToken) =>
        ledger.AppendAsync(address, record, cancellationToken);

    /// <summary>Withdraws every purpose currently granted on the address that <paramref name="applies"/> to; returns them.</summary>
    public async Task<IReadOnlyList<string>> WithdrawAllAsync(
        ConversationRef address, ConsentRecord withdrawal, Func<string, bool> applies, CancellationToken cancellationToken)
    {
        var history = await ledger.HistoryAsync(address, cancellationToken).ConfigureAwait(false);
        var granted = history.GroupBy(e => e.Record.Purpose).Where(g => g.Last().Granted && applies(g.Key)).Select(g => g.Key).ToList();
        foreach (var purpose in granted)
        {
            await ledger.AppendAsync(address, withdrawal with { Purpose = purpose, Action = ConsentAction.Withdraw }, cancellationToken).ConfigureAwait(false);
        }

        return granted;
    }
}
