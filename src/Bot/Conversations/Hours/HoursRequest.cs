using LibraryBot.Bot.Understanding;

namespace LibraryBot.Bot.Conversations.Hours;

/// <summary>Options of <see cref="HoursDialog"/>: the day the patron asked about ("tomorrow", "on sunday"), or today.</summary>
public sealed record HoursRequest(DayReference? Day);
