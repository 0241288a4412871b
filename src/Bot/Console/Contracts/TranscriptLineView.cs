namespace LibraryBot.Bot.Console.Contracts;

public sealed record TranscriptLineView(long Id, DateTimeOffset At, string Author, string? Staff, string Text);
