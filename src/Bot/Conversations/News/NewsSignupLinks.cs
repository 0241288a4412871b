using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Engine;
using LibraryBot.Bot.Localization;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Abstractions;
using LibraryBot.Channels.WhatsApp;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Conversations.News;

/// <summary>A poster's WhatsApp sign-up link in one language.</summary>
public sealed record WhatsAppSignupLink(string Language, string Url);

/// <summary>A WeChat QR scene for a topic, in one branch or (branch null) for the whole library.</summary>
public sealed record WeChatSignupScene(string? BranchId, string Scene);

/// <summary>How patrons sign up for one topic from a poster.</summary>
public sealed record TopicSignupLinks(string Topic, IReadOnlyDictionary<string, string> Names, IReadOnlyList<WhatsAppSignupLink> WhatsApp, IReadOnlyList<WeChatSignupScene> WeChatScenes);

/// <summary>
/// Sign-up links for posters, per topic: a <c>wa.me</c> link per language whose prefilled text is the topic's sign-up
/// phrase (<see cref="NewsTopicPhrases.PosterText"/>: the bot asks to confirm), and a WeChat QR scene for the library
/// and for each branch (<see cref="NewsScene"/>). No WhatsApp links when no business number is configured.
/// </summary>
public sealed class NewsSignupLinks(
    IOptions<BroadcastOptions> broadcasts, IOptions<WhatsAppOptions> whatsApp, IOptions<SandboxOptions> sandbox, ICatalogue catalogue, BotText text)
{
    public async Task<IReadOnlyList<TopicSignupLinks>> AllAsync(CancellationToken cancellationToken)
    {
        var branches = await catalogue.GetBranchesAsync(cancellationToken).ConfigureAwait(false);
        var number = whatsApp.Value.LinkPhoneNumber(sandbox.Value.Enabled);
        return broadcasts.Value.EffectiveTopics.Select(topic => new TopicSignupLinks(
            topic.Id,
            topic.Names,
            number is null ? [] : BotLocales.All.Select(l => new WhatsAppSignupLink(l, WhatsAppUrl(number, NewsTopicPhrases.PosterText(text, topic, l)))).ToList(),
            new[] { (string?)null }.Concat(branches.Select(b => b.BranchId))
                .Select(branch => new WeChatSignupScene(branch, new NewsScene(topic.Id, branch).ToString()))
                .Where(s => s.Scene.Length <= NewsScene.MaxLength)
                .ToList())).ToList();
    }

    public static string WhatsAppUrl(string digits, string prefilled) => $"https://wa.me/{digits}?text={Uri.EscapeDataString(prefilled)}";
}
