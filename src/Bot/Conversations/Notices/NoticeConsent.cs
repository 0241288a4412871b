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
public sealed class NoticeConsent(PatronConsent consent, IEnumerable<INoticeStore> noticeStores, IOptions<BotOptions> bot, IOptions<NoticeOptions> notices)
{
    public const string WordingVersion = "1";

    /// <summary>Whether the patron has ever answered (granted or withdrawn) notices on this address.</summary>
    public async Task<bool> AnsweredAsync(TurnContext context, CancellationToken cancellationToken) =>
        await consent.LatestAsync(context.Activity.Conversation, ConsentPurposes.Notices, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The question, kept as a resource so that it is asked again in the patron's new language after a switch.</summary>
    public Say Question(TurnContext context) =>
        new("Notices.Ask", [new SayArg(Text: bot.Value.LibraryName), new SayArg(Key: ChannelKey(context)), new SayArg(Number: notices.Value.DueSoonDays)]);

    /// <summary>Records the change with the words shown (the question when answering it, else the confirmation) and says the confirmation.</summary>
    public async Task RecordAsync(TurnContext context, ConsentAction action, string? question, CancellationToken cancellationToken)
    {
        var confirmation = action == ConsentAction.Grant
            ? context.Localize("Notices.On", bot.Value.LibraryName, ChannelName(context))
            : context.Localize(question is null ? "Notices.Off" : "Notices.Declined", ChannelName(context));
        var shown = question ?? confirmation;
        var version = $"{(question is null ? action == ConsentAction.Grant ? "Notices.On" : "Notices.Off" : "Notices.Ask")}@{WordingVersion}";
        await consent.RecordAsync(context.Activity.Conversation, new ConsentRecord(
            ConsentPurposes.Notices, action, context.Clock.GetUtcNow(), ConsentSource.Chat, "patron", shown, version, context.Locale), cancellationToken).ConfigureAwait(false);
        // The run's list of chats to look at (none with a store that has no notice ledger yet).
        foreach (var subscribers in noticeStores.Where(_ => action == ConsentAction.Grant))
        {
            await subscribers.AddSubscriberAsync(context.Activity.Conversation.Key, context.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        context.SendText(confirmation);
    }

    private static string ChannelName(TurnContext context) => context.Localize(ChannelKey(context));

    private static string ChannelKey(TurnContext context) => context.Activity.Conversation.Channel switch
    {
        ChannelId.WhatsApp => "Channel.WhatsApp",
        ChannelId.WeChat => "Channel.WeChat",
        _ => "Channel.Sms",
    };
}
