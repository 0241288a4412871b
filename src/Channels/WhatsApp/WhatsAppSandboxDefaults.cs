namespace LibraryBot.Channels.WhatsApp;

/// <summary>
/// The credentials used in sandbox mode for every WhatsApp setting left empty. They are public on purpose: they
/// only unlock the fake Graph API and webhook of a sandboxed server.
/// </summary>
public static class WhatsAppSandboxDefaults
{
    public const string AppSecret = "librarybot-sandbox-app-secret";

    public const string VerifyToken = "librarybot-sandbox-verify-token";

    public const string AccessToken = "librarybot-sandbox-access-token";

    public const string PhoneNumberId = "100000000000001";

    /// <summary>The sandbox business number of <c>wa.me</c> sign-up links (a 555 number: reserved for fiction).</summary>
    public const string DisplayPhoneNumber = "15550100001";

    /// <summary>Where the fake Graph API lives, relative to the server's own address.</summary>
    public const string ApiPath = "/sandbox/whatsapp";
}
