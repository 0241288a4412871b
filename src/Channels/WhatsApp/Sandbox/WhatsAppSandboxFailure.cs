namespace LibraryBot.Channels.WhatsApp.Sandbox;

/// <summary>
/// Why Meta accepted a message (200 with a wamid) and then reported it <c>failed</c> in a status webhook: the error's
/// code, title and details as Meta words them (outbound.md §1.5).
/// </summary>
internal sealed record WhatsAppSandboxFailure(int Code, string Title, string Details)
{
    public static readonly WhatsAppSandboxFailure NotOnWhatsApp = new(131026, "Message undeliverable",
        "Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number.");

    public static readonly WhatsAppSandboxFailure MarketingLimit = new(131049, "This message was not delivered to maintain healthy ecosystem engagement.",
        "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.");

    public static readonly WhatsAppSandboxFailure MarketingStopped = new(131050, "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.",
        "The recipient has chosen to stop receiving marketing messages from your business.");
}
