using LibraryBot.Bot.Broadcasts;
using LibraryBot.Bot.Console.Contracts;
using LibraryBot.CatalogAdapter;
using LibraryBot.Channels.Outbound;
using LibraryBot.Channels.WhatsApp;

namespace LibraryBot.Bot.Console;

/// <summary>
/// Checks what outreach staff wrote before anything is stored: every problem named per field, in words that say what
/// to write instead. A request that passes becomes a <see cref="BroadcastAudience"/> and content the dispatcher can send.
/// </summary>
public sealed class BroadcastDraftCheck(BroadcastOptions options, IReadOnlyList<Branch>? branches, WhatsAppMarketingTemplates? templates)
{
    public const int MaxTextLength = 4096;
    public const int MaxNameLength = 100;
    private static readonly string[] ChannelNames = ["whatsapp", "wechat", "sms"];

    private readonly Dictionary<string, List<string>> _problems = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Problems => _problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    public bool Failed => _problems.Count > 0;

    public BroadcastAudience? Audience(AudienceRequest? request, string field = "audience")
    {
        if (request is null)
        {
            Add(field, "Give the audience: {\"topics\": [\"events\"]} at least (branches, languages and channels narrow it).");
            return null;
        }

        var topicIds = options.EffectiveTopics.Select(t => t.Id).ToList();
        var topics = Clean(request.Topics);
        if (topics.Count == 0)
        {
            Add($"{field}.topics", $"Choose at least one topic: {string.Join(", ", topicIds)}.");
        }

        foreach (var unknown in topics.Where(t => options.Topic(t) is null))
        {
            Add($"{field}.topics", $"'{unknown}' is not a topic; the topics are {string.Join(", ", topicIds)}.");
        }

        var branchIds = Clean(request.Branches);
        if (branchIds.Count > 0 && branches is null)
        {
            Add($"{field}.branches", "The library system could not list its branches just now; try again, or leave branches empty.");
        }

        foreach (var unknown in branchIds.Where(b => branches is not null && !branches.Any(x => string.Equals(x.BranchId, b, StringComparison.OrdinalIgnoreCase))))
        {
            Add($"{field}.branches", $"'{unknown}' is not a branch; use one of {string.Join(", ", branches!.Select(b => b.BranchId))}.");
        }

        var languages = Clean(request.Languages).Select(l => l.ToLowerInvariant()).ToList();
        foreach (var unknown in languages.Where(l => !BroadcastLanguages.IsCode(l)))
        {
            Add($"{field}.languages", $"'{unknown}' is not a language of the bot; use en, es, zh or vi.");
        }

        var channels = Clean(request.Channels).Select(c => c.ToLowerInvariant()).ToList();
        foreach (var unknown in channels.Where(c => !ChannelNames.Contains(c)))
        {
            Add($"{field}.channels", $"'{unknown}' is not a channel; use whatsapp, wechat or sms.");
        }

        return Failed ? null : new BroadcastAudience(
            topics.Select(t => options.Topic(t)!.Id).Distinct().ToList(),
            branchIds.Select(b => branches!.First(x => string.Equals(x.BranchId, b, StringComparison.OrdinalIgnoreCase)).BranchId).Distinct().ToList(),
            languages.Distinct().ToList(),
            channels.Distinct().ToList());
    }

    public (string Name, BroadcastContent Content, BroadcastTemplate? Template, int Rate)? Draft(BroadcastRequest request, DateTimeOffset now)
    {
        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            Add("name", $"Give the broadcast a name of 1 to {MaxNameLength} characters (staff see it; patrons do not).");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, value) in request.Content ?? [])
        {
            var code = language.Trim().ToLowerInvariant();
            if (!BroadcastLanguages.IsCode(code))
            {
                Add("content", $"'{language}' is not a language of the bot; write the text under en, es, zh or vi.");
            }
            else if (value?.Trim() is { Length: > 0 } text)
            {
                if (text.Length > MaxTextLength)
                {
                    Add($"content.{code}", $"The {code} text has {text.Length} characters; at most {MaxTextLength} fit in one message.");
                }

                texts[code] = text;
            }
        }

        if (texts.Count == 0)
        {
            Add("content", "Write the message in at least one language: {\"content\": {\"en\": \"…\", \"es\": \"…\"}}. Patrons get their own language, else the library's default.");
        }

        var imageUrl = Url(request.ImageUrl, "imageUrl");
        var link = Url(request.Link, "link");
        var template = Template(request.WhatsAppTemplate);
        if (request.SendAt is { } sendAt && sendAt < now.AddMinutes(-1))
        {
            Add("sendAt", "sendAt is in the past; leave it out to send as soon as you press send, or give a future time.");
        }

        var rate = request.RatePerSecond ?? options.RatePerSecond;
        if (rate is < 1 or > 1000)
        {
            Add("ratePerSecond", "ratePerSecond must be between 1 and 1000 messages a second.");
        }

        return Failed ? null : (name, new BroadcastContent(texts, imageUrl, link), template, rate);
    }

    private BroadcastTemplate? Template(TemplateRequest? request)
    {
        if (request is null)
        {
            return null;
        }

        var approved = templates?.All.Select(t => t.Name).ToList() ?? [];
        var name = request.Name?.Trim() ?? string.Empty;
        if (approved.Count == 0)
        {
            Add("whatsAppTemplate.name", "No WhatsApp marketing template is configured (Channels:WhatsApp:MarketingTemplates); leave whatsAppTemplate out.");
            return null;
        }

        var parameters = (request.Parameters ?? []).Select(p => p?.Trim() ?? string.Empty).ToList();
        if (templates!.Problem(new ExplicitTemplate(name, parameters)) is { } problem)
        {
            Add(templates.Find(name) is null ? "whatsAppTemplate.name" : "whatsAppTemplate.parameters", problem);
            return null;
        }

        return new BroadcastTemplate(name, parameters);
    }

    private string? Url(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            Add(field, $"{field} must be a web address starting with https://.");
            return null;
        }

        return uri.ToString();
    }

    private static List<string> Clean(IReadOnlyList<string?>? values) =>
        (values ?? []).Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();

    private void Add(string field, string problem)
    {
        if (!_problems.TryGetValue(field, out var list))
        {
            _problems[field] = list = [];
        }

        list.Add(problem);
    }
}
