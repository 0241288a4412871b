namespace LibraryBot.Bot.Tests.Handoff;

/// <summary>What a one-off server command printed, and its exit code.</summary>
public sealed record ServerCommandResult(int ExitCode, string Output, string Errors);
