namespace LibraryBot.Bot.Tests.Support;

/// <summary>One running server shared by a test class.</summary>
public sealed class BotProcessFixture : IAsyncLifetime
{
    public BotProcess Bot { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Bot = await BotProcess.StartAsync();

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
