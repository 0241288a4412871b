using LibraryBot.Channels.Activities;

namespace LibraryBot.Bot.Storage;

/// <summary>An activity waiting in the durable inbox, with its arrival sequence.</summary>
public sealed record InboxEntry(long Sequence, DateTimeOffset ReceivedAt, Activity Activity);
