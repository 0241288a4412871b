using System.Collections.Concurrent;
using LibraryBot.CatalogAdapter.Koha;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;

namespace LibraryBot.CatalogAdapter.Tests.Koha;

/// <summary>The Koha catalogue as the host wires it (<see cref="KohaRegistration.AddKohaCatalogue"/>), with every HTTP exchange recorded.</summary>
internal sealed class KohaTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    private KohaTestHost(ServiceProvider services, ConcurrentQueue<RecordedCall> calls)
    {
        _services = services;
        Calls = calls;
    }

    public ConcurrentQueue<RecordedCall> Calls { get; }

    public ICatalogue Catalogue => _services.GetRequiredService<ICatalogue>();

    public IServiceProvider Services => _services;

    /// <param name="settings">Configuration overriding the defaults (Basic auth, Koha and SRU at <paramref name="kohaBaseUrl"/>).</param>
    /// <param name="primaryHandler">Replaces the network for every client (a fake Koha or SRU server), or null for real HTTP.</param>
    public static KohaTestHost Create(Uri kohaBaseUrl, IDictionary<string, string?>? settings = null, Func<HttpMessageHandler>? primaryHandler = null,
        Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var config = new Dictionary<string, string?>
        {
            ["Catalog:Koha:BaseUrl"] = kohaBaseUrl.ToString(),
            ["Catalog:Koha:AuthMode"] = "Basic",
            ["Catalog:Koha:Username"] = "librarybot",
            ["Catalog:Koha:Password"] = "api-secret",
            ["Catalog:Koha:TimeoutMs"] = "3000",
            ["Catalog:Sru:BaseUrl"] = new Uri(kohaBaseUrl, "/sru").ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        var calls = new ConcurrentQueue<RecordedCall>();
        builder.Services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new RecordingHandler(calls)));
        builder.Services.AddLogging();
        builder.AddKohaCatalogue();
        if (primaryHandler is not null)
        {
            // After the registration, so it wins over any primary handler a client configured.
            builder.Services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = primaryHandler()));
        }

        configure?.Invoke(builder.Services);
        return new KohaTestHost(builder.Services.BuildServiceProvider(), calls);
    }

    public void Dispose() => _services.Dispose();

    public sealed record RecordedCall(HttpMethod Method, string PathAndQuery, int Status, string? Authorization)
    {
        public override string ToString() => $"{Method} {PathAndQuery} -> {Status}";
    }

    private sealed class RecordingHandler(ConcurrentQueue<RecordedCall> calls) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            calls.Enqueue(new RecordedCall(request.Method, Uri.UnescapeDataString(request.RequestUri!.PathAndQuery), (int)response.StatusCode,
                request.Headers.Authorization?.ToString()));
            return response;
        }
    }
}
