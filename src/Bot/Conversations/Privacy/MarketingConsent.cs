using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Engine;

namespace LibraryBot.Bot.Conversations.Privacy;

/// <summary>
/// News (marketing) consent on the patron's channel, in the consent ledger: a stop word or the channel's own opt-out
/// withdraws it, START grants it, each recorded with the words the patron was shown. The ledger keeps only a keyed hash
/// of the address, so an opt-out outlives "delete my data" as a suppression record.
/// </summary>
public sealed class MarketingConsent(PatronConsent consent)
{
    public const string ShownVersion = "1";

    /// <summary>Withdraws news consent and says so (the words shown are recorded with the withdrawal).</summary>
    public Task OptOutAsync(TurnContext context, ConsentSource source, string shownKey, CancellationToken cancellationToken) =>
        RecordAsync(context, ConsentAction.Withdraw, source, shownKey, cancellationToken);

    public Task OptInAsync(TurnContext context, ConsentSource source, string shownKey, CancellationToken cancellationToken) =>
        RecordAsync(context, ConsentAction.Grant, source, shownKey, cancellationToken);

    /// <summary>The channel reported the patron's own setting (WhatsApp "stop/resume offers"): recorded, nothing is said.</summary>
    public Task RecordChannelPreferenceAsync(TurnContext context, ConsentAction action, CancellationToken cancellationToken) =>
        consent.RecordAsync(context.Activity.Conversation, new ConsentRecord(
            ConsentPurposes.News, action, context.Clock.GetUtcNow(), ConsentSource.ChannelPreference, "patron",
            context.Activity.Event?.Value, null, null), cancellationToken);

    private async Task RecordAsync(TurnContext context, ConsentAction action, ConsentSource source, string shownKey, CancellationToken cancellationToken)
    {
        var shown = context.Localize(shownKey);
        await consent.RecordAsync(context.Activity.Conversation, new ConsentRecord(
            ConsentPurposes.News, action, context.Clock.GetUtcNow(), source, "patron", shown, $"{shownKey}@{ShownVersion}", context.Locale), cancellationToken).ConfigureAwait(false);
        context.SendText(shown);
    }
}
