namespace LibraryBot.Bot.Tests.Storage;

/// <summary>One patron message: its WhatsApp message id and its text.</summary>
internal sealed record SentMessage(string Wamid, string Text);
