using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace LibraryBot.Bot.Hosting;

/// <summary>
/// Where the server listens. The standard ASP.NET Core settings decide — <c>--urls</c>, <c>ASPNETCORE_URLS</c> /
/// <c>Urls</c>, <c>ASPNETCORE_HTTP_PORTS</c> / <c>HTTPS_PORTS</c>, or <c>Kestrel:Endpoints</c> — and only when none
/// is given does the sandbox default <see cref="Default"/> apply (so appsettings.json never outranks them).
/// </summary>
public static class ListenAddresses
{
    public const string Default = "http://localhost:5080";

    public static void UseDefaultUnlessConfigured(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(Default);
        }
    }
}
