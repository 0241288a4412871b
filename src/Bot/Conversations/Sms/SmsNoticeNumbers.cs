using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Notices;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Conversations.Sms;

/// <summary>
/// A chat's SMS number for notices, as the patron registers it in the chat or staff do in the console: the number is
/// kept in the chat's state (<see cref="SmsRoute"/>), and the consent ledger records a grant of notices on the SMS
/// address with the exact words the patron agreed to (language, version, who acted); "stop texting me" withdraws it
/// and forgets the number.
/// </summary>
public sealed class SmsNoticeNumbers(PatronConsent consent, SmsFallbackRoute route, BotText text, IOptions<BotOptions> bot)
{
    public const string ConfirmKey = "Sms.Confirm";
    public const string StoppedKey = "Sms.Stopped";
    public const string WordingVersion = "1";

    public bool Enabled => route.Enabled;

    /// <summary>The typed number in E.164, read as a number of the chat's own country when it has no country code (<see cref="SmsFallbackRoute.TryNormalize"/>).</summary>
    public bool TryNormalize(string? typed, ConversationRef? chat, out string e164) => route.TryNormalize(typed, chat, out e164);

    /// <summary>What the patron agrees to: the library texts notices to the (masked) number, and how to stop.</summary>
    public Say Confirmation(string e164) => Say.Text(ConfirmKey, bot.Value.LibraryName, SmsRoute.Masked(e164));

    /// <summary>
    /// Stores the number as the chat's SMS route (keeping the SMS-only choice unless <paramref name="smsOnly"/> says) and
    /// records the grant on the number's SMS address; a different number registered before is withdrawn first.
    /// </summary>
    public async Task<SmsRoute> RegisterAsync(
        ConversationState state, string e164, bool? smsOnly, ConsentSource source, string actor, string locale, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var previous = SmsRoute.Of(state);
        if (previous is not null && previous.Number != e164)
        {
            await WithdrawAsync(previous.Number, source, actor, locale, at, cancellationToken).ConfigureAwait(false);
        }

        await GrantAsync(e164, source, actor, locale, at, cancellationToken).ConfigureAwait(false);
        var saved = new SmsRoute(e164, smsOnly ?? previous?.SmsOnly ?? false);
        saved.SaveTo(state);
        return saved;
    }

    /// <summary>Withdraws the registered number's consent and forgets it; null when the chat had none.</summary>
    public async Task<SmsRoute?> StopAsync(ConversationState state, ConsentSource source, string actor, string locale, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (SmsRoute.Of(state) is not { } registered)
        {
            return null;
        }

        if (route.Enabled)
        {
            await WithdrawAsync(registered.Number, source, actor, locale, at, cancellationToken).ConfigureAwait(false);
        }

        SmsRoute.Clear(state);
        return registered;
    }

    /// <summary>The words said when texts stop (also recorded as the withdrawal's wording).</summary>
    public string Stopped(string locale, string e164) => text.Format(StoppedKey, locale, bot.Value.LibraryName, SmsRoute.Masked(e164));

    /// <summary>Records the grant of notices on the number's SMS address, with the confirmation's words in <paramref name="locale"/>.</summary>
    public Task GrantAsync(string e164, ConsentSource source, string actor, string locale, DateTimeOffset at, CancellationToken cancellationToken) =>
        consent.RecordAsync(route.Conversation(e164), new ConsentRecord(
            ConsentPurposes.Notices, ConsentAction.Grant, at, source, actor,
            Confirmation(e164).Render(text, locale), $"{ConfirmKey}@{WordingVersion}", locale), cancellationToken);

    /// <summary>Records the withdrawal of notices on the number's SMS address, with the words said when texts stop.</summary>
    public Task WithdrawAsync(string e164, ConsentSource source, string actor, string locale, DateTimeOffset at, CancellationToken cancellationToken) =>
        consent.RecordAsync(route.Conversation(e164), new ConsentRecord(
            ConsentPurposes.Notices, ConsentAction.Withdraw, at, source, actor, Stopped(locale, e164), $"{StoppedKey}@{WordingVersion}", locale), cancellationToken);
}
