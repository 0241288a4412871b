using LibraryBot.Bot.Tests.Handoff;

namespace LibraryBot.Bot.Tests.Broadcasts;

/// <summary>
/// A test class with its own broadcast server (a broadcast reaches every subscriber of a server) and an outreach
/// account "olga" signed in to its staff API.
/// </summary>
public abstract class OutreachServerTest : IAsyncLifetime
{
    protected BroadcastServer Server { get; } = new();

    protected HttpClient Outreach { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Server.InitializeAsync();
        Outreach = await Server.StaffAsync("olga", "outreach");
    }

    /// <summary>Signs the outreach account in again, as after a restart of the server.</summary>
    protected async Task SignInAgainAsync()
    {
        Outreach.Dispose();
        Outreach = await Server.SignInAsync("olga", StaffServer.StaffPassword);
    }

    public async ValueTask DisposeAsync()
    {
        Outreach.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
