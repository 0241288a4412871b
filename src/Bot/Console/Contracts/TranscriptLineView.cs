namespace LibraryBot.Bot.Console.Contracts;

/// <summary>One transcript line; <paramref name="AtLocal"/> is its time in the library's time zone.</summary>
public sealed record TranscriptLineView(long Id, DateTimeOffset At, string AtLocal, string Author, string? Staff, string Text);
