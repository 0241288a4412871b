using LibraryBot.CatalogAdapter.ConfiguredBranches;
using LibraryBot.CatalogAdapter.Sru;
using LibraryBot.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace LibraryBot.CatalogAdapter.Koha;

public static class KohaRegistration
{
    /// <summary>
    /// Registers the Koha REST catalogue as <see cref="ICatalogue"/> (<c>Catalog:Provider=Koha</c>): options
    /// <c>Catalog:Koha:*</c> and <c>Catalog:Branches</c> validated at start, a Refit client with Basic or OAuth2
    /// credentials and the standard resilience handler, and SRU search (<see cref="SruRegistration.AddSruSearch"/>),
    /// since Koha's API cannot search.
    /// </summary>
    public static IHostApplicationBuilder AddKohaCatalogue(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<KohaOptions, KohaOptionsValidator>(KohaOptions.SectionName);
        services.AddValidatedOptions<CatalogBranchesOptions, BranchHoursOptionsValidator>(CatalogBranchesOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KohaTokenSource>();
        services.TryAddTransient<KohaAuthHandler>();

        // The default HttpClient logs print request URLs (patron ids): removed.
        services.AddHttpClient(KohaTokenSource.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) => ResilienceTimeouts.Apply(o, TimeoutMs(sp)));

        var kohaClient = services.AddRefitGeneratedClient<IKohaApi>(new RefitSettings(new SystemTextJsonContentSerializer(KohaHttp.Json)))
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<KohaOptions>>().Value.BaseUrl.TrimEnd('/'));
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllLoggers();
        // Resilience outside, credentials inside: each retry is sent with a current token.
        kohaClient.AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) => ResilienceTimeouts.Apply(o, TimeoutMs(sp)));
        kohaClient.AddHttpMessageHandler<KohaAuthHandler>();

        builder.AddSruSearch();
        CatalogueReachabilityCheck.Register(services, "koha", "the Koha REST API", (sp, ct) => KohaProbe.ProbeAsync(sp.GetRequiredService<IKohaApi>(), ct));
        services.RemoveAll<ICatalogue>();
        services.AddSingleton<ICatalogue>(sp => new KohaCatalogue(
            sp.GetRequiredService<IKohaApi>(),
            sp.GetRequiredService<SruCatalogueSearch>(),
            sp.GetRequiredService<IOptions<KohaOptions>>(),
            sp.GetRequiredService<IOptions<CatalogBranchesOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<KohaCatalogue>>()));
        return builder;
    }

    private static int TimeoutMs(IServiceProvider sp) => sp.GetRequiredService<IOptions<KohaOptions>>().Value.TimeoutMs;
}
