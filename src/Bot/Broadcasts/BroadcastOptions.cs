using FluentValidation;
using LibraryBot.Bot.Consent;
using LibraryBot.Bot.Notices;

namespace LibraryBot.Bot.Broadcasts;

/// <summary><c>Broadcasts:*</c>: the topics patrons sign up for, and how fast and how often news is sent.</summary>
public sealed class BroadcastOptions
{
    public const string SectionName = "Broadcasts";

    /// <summary>The topics offered; empty means <see cref="DefaultTopics"/>.</summary>
    public List<BroadcastTopic> Topics { get; set; } = [];

    /// <summary>Messages per second a broadcast is sent at unless it says otherwise.</summary>
    public int RatePerSecond { get; set; } = 20;

    /// <summary>At most this many broadcasts reach one patron's chat in seven days; more are excluded ("over the frequency cap").</summary>
    public int WeeklyCap { get; set; } = 2;

    /// <summary>Library-time hours when no broadcast message leaves ("21:00-08:00"); sending waits until they end. Empty: none.</summary>
    public string QuietHours { get; set; } = "21:00-08:00";

    /// <summary>Seconds between the dispatcher's looks for broadcasts to start or continue.</summary>
    public int PollSeconds { get; set; } = 2;

    public static IReadOnlyList<BroadcastTopic> DefaultTopics { get; } =
    [
        BroadcastTopic.Of("events", "Events", "Actividades", "活动", "Sự kiện"),
        BroadcastTopic.Of("new-books", "New books", "Novedades", "新书", "Sách mới"),
        BroadcastTopic.Of("reading-clubs", "Reading clubs", "Clubes de lectura", "读书会", "Câu lạc bộ đọc sách"),
        BroadcastTopic.Of("children", "Children and families", "Infancia y familias", "少儿与家庭", "Thiếu nhi và gia đình"),
    ];

    public IReadOnlyList<BroadcastTopic> EffectiveTopics => Topics.Count > 0 ? Topics : DefaultTopics;

    public BroadcastTopic? Topic(string id) =>
        EffectiveTopics.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The consent purpose of a topic: <c>news:&lt;id&gt;</c>.</summary>
    public static string Purpose(string topicId) => $"{ConsentPurposes.News}:{topicId}";

    /// <summary>The quiet hours, or null when there are none.</summary>
    public QuietHours? Quiet() => Notices.QuietHours.Parse(QuietHours, "Broadcasts:QuietHours");
}

public sealed class BroadcastOptionsValidator : AbstractValidator<BroadcastOptions>
{
    public static readonly string[] Languages = ["en", "es", "zh", "vi"];

    public BroadcastOptionsValidator()
    {
        RuleFor(o => o.RatePerSecond).InclusiveBetween(1, 1000).WithMessage("must be between 1 and 1000 messages a second");
        RuleFor(o => o.WeeklyCap).InclusiveBetween(1, 50).WithMessage("must be between 1 and 50");
        RuleFor(o => o.PollSeconds).InclusiveBetween(1, 60).WithMessage("must be between 1 and 60");
        RuleForEach(o => o.Topics).ChildRules(topic =>
        {
            topic.RuleFor(t => t.Id).Matches("^[a-z0-9][a-z0-9-]{0,39}$")
                .WithMessage("must be lower-case letters, digits and dashes (at most 40), e.g. new-books");
            topic.RuleFor(t => t.Names).Must(n => Languages.All(l => n.TryGetValue(l, out var name) && !string.IsNullOrWhiteSpace(name)))
                .WithMessage("needs a name in en, es, zh and vi");
        });
        RuleFor(o => o.Topics).Must(t => t.Select(x => x.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() == t.Count)
            .WithMessage("topic ids must be unique");
        RuleFor(o => o.QuietHours)
            .Must(Notices.QuietHours.IsValidSetting)
            .WithMessage("must be two library times like 21:00-08:00, or empty for none");
    }
}
