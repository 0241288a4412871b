using LibraryBot.Channels.Abstractions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Hosting;

/// <summary>
/// The server's own address: <c>Sandbox:BaseUrl</c> when set; else the first address Kestrel listens on (wildcards
/// made loopback); before Kestrel has started, the first configured <c>Urls</c> entry with a fixed port.
/// </summary>
public sealed class SelfBaseAddress(IServer server, IOptions<SandboxOptions> sandbox, IConfiguration configuration) : ISelfBaseAddress
{
    private Uri? _listening;

    public Uri BaseAddress => _listening ?? Resolve();

    private Uri Resolve()
    {
        if (!string.IsNullOrEmpty(sandbox.Value.BaseUrl))
        {
            return _listening = Normalize(sandbox.Value.BaseUrl);
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is not null)
        {
            return _listening = Normalize(listening);
        }

        var configured = (configuration["urls"] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fixedPort = configured.Select(Normalize).FirstOrDefault(u => u.Port > 0);
        return fixedPort ?? throw new InvalidOperationException("The server's own address is not known before it listens on port 0; set Sandbox:BaseUrl.");
    }

    private static Uri Normalize(string address)
    {
        var normalized = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        return new Uri(normalized.TrimEnd('/') + "/");
    }
}
