using System.Net;
using LibraryBot.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryBot.Bot.Hosting;

/// <summary>The HTTP middleware, first to last, and the endpoints — declared in one place.</summary>
public static class HttpPipeline
{
    public static WebApplication UseLibraryBot(this WebApplication app)
    {
        // 1. Behind a configured reverse proxy: the client's address and scheme from X-Forwarded-* (never from anyone else).
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        if (forwarded.Enabled)
        {
            var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost };
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in forwarded.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in forwarded.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            app.UseForwardedHeaders(options);
        }

        // 2. Routing, authentication and authorization are added by the host around the endpoints below.
        // 3. Endpoints: health, metrics (when enabled on this port), sandbox pages, console and staff API, channel webhooks.
        app.MapBot();
        app.MapChannelWebhooks();
        return app;
    }
}
