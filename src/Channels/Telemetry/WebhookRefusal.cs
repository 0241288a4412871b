namespace LibraryBot.Channels.Telemetry;

/// <summary>Why a webhook request was refused, as the <c>reason</c> tag of <c>librarybot.webhook.requests</c>.</summary>
internal static class WebhookRefusal
{
    public const string InvalidSignature = "invalid_signature";
    public const string PayloadTooLarge = "payload_too_large";
    public const string Malformed = "malformed";
    public const string DecryptFailed = "decrypt_failed";
    public const string UnsupportedEncryption = "unsupported_encryption";

    /// <summary>The channel's URL verification handshake (GET) did not match the configured token.</summary>
    public const string VerificationFailed = "verification_failed";
}
