using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Notices;

/// <summary>How many notices were planned on a (UTC) day, of a kind, on a channel, that got as far as <see cref="Delivery"/>.</summary>
public sealed record NoticeCount(DateOnly Day, NoticeKind Kind, ChannelId Channel, string Delivery, int Count);

/// <summary>Adds notices up into <see cref="NoticeCount"/>s one by one, without keeping them.</summary>
public sealed class NoticeTally
{
    private readonly Dictionary<(DateOnly Day, NoticeKind Kind, ChannelId Channel, string Delivery), int> _counts = [];

    public void Add(NoticeRecord record)
    {
        var key = (DateOnly.FromDateTime(record.PlannedAt.UtcDateTime), record.Notice.Kind, record.Channel, record.Delivery);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>The counts, newest day first, then by kind, channel and delivery.</summary>
    public IReadOnlyList<NoticeCount> Counts() =>
        _counts.Select(c => new NoticeCount(c.Key.Day, c.Key.Kind, c.Key.Channel, c.Key.Delivery, c.Value))
            .OrderByDescending(c => c.Day).ThenBy(c => c.Kind.ToString(), StringComparer.Ordinal)
            .ThenBy(c => c.Channel.ToString(), StringComparer.Ordinal).ThenBy(c => c.Delivery, StringComparer.Ordinal)
            .ToList();
}
