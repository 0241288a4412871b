namespace LibraryBot.Bot.Console.Contracts;

/// <summary>POST /api/staff/conversations/{id}/messages: the text to send to the patron (1–4096 characters).</summary>
public sealed record ReplyRequest(string Text);
