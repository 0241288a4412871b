using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Bot.Notices;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Conversations.Notices;

/// <summary>
/// Consent to notices on the patron's channel: what the bot says when it asks or confirms (naming the library, the
/// channel and how to stop), and the ledger event recording it with those exact words.
/// </summary>
public sealed class NoticeConsent(
    PatronConsent consent, IEnumerable<INoticeStore> noticeStores, SmsFallbackRoute sms, IOptions<BotOptions> bot, IOptions<NoticeOptions> notices)
{
    public const string WordingVersion = "1";

    /// <summary>
    /// Whether a grant covers notices by SMS to the same number when WhatsApp cannot reach it: only when the words the
    /// patron accepted said so (asked or confirmed on WhatsApp while SMS was on).
    /// </summary>
    public static bool CoversSmsFallback(ConsentEvent grant) =>
        grant is { Granted: true, Record.WordingVersion: { } version }
        && (version.StartsWith("Notices.AskSms@", StringComparison.Ordinal) || version.StartsWith("Notices.OnSms@", StringComparison.Ordinal));

    /// <summary>Whether the patron has ever answered (granted or withdrawn) notices on this address.</summary>
    public async Task<bool> AnsweredAsync(TurnContext context, CancellationToken cancellationToken) =>
        await consent.LatestAsync(context.Activity.Conversation, ConsentPurposes.Notices, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The question, kept as a resource so that it is asked again in the patron's new language after a switch.</summary>
    public Say Question(TurnContext context) =>
        new(AskKey(context), [new SayArg(Text: bot.Value.LibraryName), new SayArg(Key: ChannelKey(context)), new SayArg(Number: notices.Value.DueSoonDays)]);

    /// <summary>Records the change with the words shown (the question when answering it, else the confirmation) and says the confirmation.</summary>
    public async Task RecordAsync(TurnContext context, ConsentAction action, string? question, CancellationToken cancellationToken)
    {
        var confirmationKey = action == ConsentAction.Grant ? OnKey(context) : question is null ? "Notices.Off" : "Notices.Declined";
        var confirmation = action == ConsentAction.Grant
            ? context.Localize(confirmationKey, bot.Value.LibraryName, ChannelName(context))
            : context.Localize(confirmationKey, ChannelName(context));
        var shown = question ?? confirmation;
        var version = $"{(question is null ? confirmationKey : AskKey(context))}@{WordingVersion}";
        await consent.RecordAsync(context.Activity.Conversation, new ConsentRecord(
            ConsentPurposes.Notices, action, context.Clock.GetUtcNow(), ConsentSource.Chat, "patron", shown, version, context.Locale), cancellationToken).ConfigureAwait(false);
        // The run's list of chats to look at (none with a store that has no notice ledger yet).
        foreach (var subscribers in noticeStores.Where(_ => action == ConsentAction.Grant))
        {
            await subscribers.AddSubscriberAsync(context.Activity.Conversation.Key, context.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        context.SendText(confirmation);
    }

    /// <summary>On WhatsApp with SMS on, the words say notices may come by SMS to the same number; elsewhere they do not.</summary>
    private string AskKey(TurnContext context) => OffersSms(context) ? "Notices.AskSms" : "Notices.Ask";

    private string OnKey(TurnContext context) => OffersSms(context) ? "Notices.OnSms" : "Notices.On";

    private bool OffersSms(TurnContext context) => sms.Enabled && context.Activity.Conversation.Channel == ChannelId.WhatsApp;

    private static string ChannelName(TurnContext context) => context.Localize(ChannelKey(context));

    private static string ChannelKey(TurnContext context) => context.Activity.Conversation.Channel switch
    {
        ChannelId.WhatsApp => "Channel.WhatsApp",
        ChannelId.WeChat => "Channel.WeChat",
        _ => "Channel.Sms",
    };
}
