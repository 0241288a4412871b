using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Conversations;

/// <summary>
/// One real server (child process, sandbox channels, its own demo library) shared by the conversation transcript
/// tests. Each test talks as its own patron (phone number or OpenID) and, where it changes the library, with its own
/// demo card, so tests do not depend on each other's order.
/// </summary>
public sealed class ConversationServer : IAsyncLifetime
{
    public BotProcess Bot { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Bot = await BotProcess.StartAsync();

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
