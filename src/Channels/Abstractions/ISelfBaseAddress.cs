namespace LibraryBot.Channels.Abstractions;

/// <summary>The address this server can reach itself at (used by sandbox channel clients to call the built-in fake APIs).</summary>
public interface ISelfBaseAddress
{
    Uri BaseAddress { get; }
}
