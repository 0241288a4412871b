using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.Channels.Activities;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Conversations.News;

/// <summary>
/// Consent to news by topic on the patron's channel (purpose <c>news:&lt;topic&gt;</c>): which topics the chat is signed
/// up for (the latest event per purpose in the ledger), and joining or leaving one — each a ledger event with the exact
/// words shown (naming the library, the channel and how to stop), their version and language. Joining after a STOP also
/// grants news again (the patron opts in explicitly); the chat is remembered as a subscriber of the broadcast ledger.
/// </summary>
public sealed class NewsTopicConsent(
    PatronConsent consent, IConsentLedger ledger, IBroadcastStore broadcasts, IOptions<BroadcastOptions> options, IOptions<BotOptions> bot)
{
    public const string WordingVersion = "1";

    public IReadOnlyList<BroadcastTopic> Topics => options.Value.EffectiveTopics;

    public BroadcastTopic? Topic(string? id) => id is null ? null : options.Value.Topic(id);

    /// <summary>The topics the chat is signed up for now, in the configured order.</summary>
    public async Task<IReadOnlyList<BroadcastTopic>> JoinedAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var granted = await GrantedPurposesAsync(context.Activity.Conversation, cancellationToken).ConfigureAwait(false);
        return Topics.Where(t => granted.Contains(BroadcastOptions.Purpose(t.Id))).ToList();
    }

    /// <summary>The list's question: which news, from whom, on which channel, and how to stop.</summary>
    public Say PickQuestion(TurnContext context) =>
        new("News.Pick", [new SayArg(Text: bot.Value.LibraryName), new SayArg(Key: ChannelKey(context))]);

    /// <summary>The question a poster's link or QR code leads to: it is the consent the patron's Yes gives.</summary>
    public Say ConfirmQuestion(TurnContext context, BroadcastTopic topic) =>
        new("News.ConfirmTopic", [new SayArg(Text: bot.Value.LibraryName), new SayArg(Text: TopicNames.In(topic, context.Locale)), new SayArg(Key: ChannelKey(context))]);

    /// <summary>
    /// Signs the chat up for the topic: records the grant with <paramref name="question"/> when the patron answered one
    /// (a poster's confirmation), else with the confirmation, which is said either way.
    /// </summary>
    public async Task JoinAsync(TurnContext context, BroadcastTopic topic, string? question, CancellationToken cancellationToken)
    {
        var address = context.Activity.Conversation;
        var now = context.Clock.GetUtcNow();
        var confirmation = context.Localize("News.Joined", TopicNames.In(topic, context.Locale), bot.Value.LibraryName, ChannelName(context));
        var grant = new ConsentRecord(
            BroadcastOptions.Purpose(topic.Id), ConsentAction.Grant, now, ConsentSource.Chat, "patron",
            question ?? confirmation, $"{(question is null ? "News.Joined" : "News.ConfirmTopic")}@{WordingVersion}", context.Locale);
        if (await consent.LatestAsync(address, ConsentPurposes.News, cancellationToken).ConfigureAwait(false) is { Granted: false })
        {
            // They had written STOP: choosing a topic is opting in to news again, in these words.
            await consent.RecordAsync(address, grant with { Purpose = ConsentPurposes.News }, cancellationToken).ConfigureAwait(false);
        }

        await consent.RecordAsync(address, grant, cancellationToken).ConfigureAwait(false);
        await broadcasts.AddSubscriberAsync(address.Key, now, cancellationToken).ConfigureAwait(false);
        context.SendText(confirmation);
    }

    /// <summary>Leaves the topic: a withdrawal with the words said, and the broadcast funnel learns of the opt-out.</summary>
    public async Task LeaveAsync(TurnContext context, BroadcastTopic topic, CancellationToken cancellationToken)
    {
        var address = context.Activity.Conversation;
        var now = context.Clock.GetUtcNow();
        var shown = context.Localize("News.Left", TopicNames.In(topic, context.Locale), bot.Value.LibraryName, ChannelName(context));
        await consent.RecordAsync(address, new ConsentRecord(
            BroadcastOptions.Purpose(topic.Id), ConsentAction.Withdraw, now, ConsentSource.Chat, "patron",
            shown, $"News.Left@{WordingVersion}", context.Locale), cancellationToken).ConfigureAwait(false);
        await broadcasts.MarkOptedOutAsync(address.Key, now, cancellationToken).ConfigureAwait(false);
        context.SendText(shown);
    }

    private async Task<HashSet<string>> GrantedPurposesAsync(ConversationRef address, CancellationToken cancellationToken)
    {
        var history = await ledger.HistoryAsync(address, cancellationToken).ConfigureAwait(false);
        return history.GroupBy(e => e.Record.Purpose, StringComparer.Ordinal).Where(g => g.Last().Granted).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static string ChannelName(TurnContext context) => context.Localize(ChannelKey(context));

    private static string ChannelKey(TurnContext context) => context.Activity.Conversation.Channel switch
    {
        ChannelId.WhatsApp => "Channel.WhatsApp",
        ChannelId.WeChat => "Channel.WeChat",
        _ => "Channel.Sms",
    };
}
