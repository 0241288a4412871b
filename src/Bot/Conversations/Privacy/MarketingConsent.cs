using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Conversations.Privacy;

/// <summary>
/// News (marketing) consent on the patron's channel, in the consent ledger: a stop word or the channel's own opt-out
/// withdraws it — and every news topic granted (<c>news:&lt;topic&gt;</c>), so the ledger shows each stopped — START grants
/// it (topics are chosen again one by one), each recorded with the words the patron was shown. The ledger keeps only a
/// keyed hash of the address, so an opt-out outlives "delete my data" as a suppression record.
/// </summary>
public sealed class MarketingConsent(PatronConsent consent, IBroadcastStore broadcasts)
{
    public const string ShownVersion = "1";

    /// <summary>Withdraws news consent and says so (the words shown are recorded with the withdrawal).</summary>
    public Task OptOutAsync(TurnContext context, ConsentSource source, string shownKey, CancellationToken cancellationToken) =>
        RecordAsync(context, ConsentAction.Withdraw, source, shownKey, cancellationToken);

    public Task OptInAsync(TurnContext context, ConsentSource source, string shownKey, CancellationToken cancellationToken) =>
        RecordAsync(context, ConsentAction.Grant, source, shownKey, cancellationToken);

    /// <summary>The channel reported the patron's own setting (WhatsApp "stop/resume offers"): recorded, nothing is said.</summary>
    public Task RecordChannelPreferenceAsync(TurnContext context, ConsentAction action, CancellationToken cancellationToken) =>
        ApplyAsync(context, new ConsentRecord(
            ConsentPurposes.News, action, context.Clock.GetUtcNow(), ConsentSource.ChannelPreference, "patron",
            context.Activity.Event?.Value, null, null), cancellationToken);

    private async Task RecordAsync(TurnContext context, ConsentAction action, ConsentSource source, string shownKey, CancellationToken cancellationToken)
    {
        var shown = context.Localize(shownKey);
        await ApplyAsync(context, new ConsentRecord(
            ConsentPurposes.News, action, context.Clock.GetUtcNow(), source, "patron", shown, $"{shownKey}@{ShownVersion}", context.Locale), cancellationToken).ConfigureAwait(false);
        context.SendText(shown);
    }

    /// <summary>A withdrawal stops every topic too and counts as an opt-out in the funnel of recent broadcasts.</summary>
    private async Task ApplyAsync(TurnContext context, ConsentRecord record, CancellationToken cancellationToken)
    {
        var address = context.Activity.Conversation;
        if (record.Action == ConsentAction.Withdraw)
        {
            await consent.WithdrawAllAsync(address, record, p => p.StartsWith(ConsentPurposes.News + ":", StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        await consent.RecordAsync(address, record, cancellationToken).ConfigureAwait(false);
        if (record.Action == ConsentAction.Withdraw)
        {
            await broadcasts.MarkOptedOutAsync(address.Key, record.At, cancellationToken).ConfigureAwait(false);
        }
    }
}
