namespace LibraryBot.Bot.Consent;

/// <summary>The latest consent event of one address for one purpose: granted or not, and how it came about.</summary>
public sealed record ConsentLatest(bool Granted, ConsentSource Source, DateTimeOffset At);
