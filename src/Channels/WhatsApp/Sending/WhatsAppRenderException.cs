namespace LibraryBot.Channels.WhatsApp.Sending;

/// <summary>A message cannot be rendered for WhatsApp without changing its meaning (a choice id too long, a template parameter missing).</summary>
public sealed class WhatsAppRenderException(string message) : Exception(message);
