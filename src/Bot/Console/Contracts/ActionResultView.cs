namespace LibraryBot.Bot.Console.Contracts;

/// <summary>What a claim, reply, transfer, release or close did.</summary>
public sealed record ActionResultView(string Result, string? Owner, WindowView? Window = null, bool SentAsTemplate = false);
