using LibraryBot.Channels.Abstractions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Hosting;

/// <summary>The server's own address: <c>Sandbox:BaseUrl</c> when set, else the first address Kestrel listens on (wildcards made loopback).</summary>
public sealed class SelfBaseAddress(IServer server, IOptions<SandboxOptions> sandbox) : ISelfBaseAddress
{
    private Uri? _cached;

    public Uri BaseAddress => _cached ??= Resolve();

    private Uri Resolve()
    {
        if (!string.IsNullOrEmpty(sandbox.Value.BaseUrl))
        {
            return new Uri(sandbox.Value.BaseUrl.TrimEnd('/') + "/");
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address yet; set Sandbox:BaseUrl.");
        var normalized = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        return new Uri(normalized.TrimEnd('/') + "/");
    }
}
