namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>Why Meta would refuse a request body: its error <paramref name="Code"/> (100 or 131009) and the details it gives.</summary>
public sealed record WhatsAppBodyProblem(int Code, string Details);
