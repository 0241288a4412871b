using LibraryBot.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Sru;

public static class SruRegistration
{
    /// <summary>
    /// Registers <see cref="SruCatalogueSearch"/> as the <see cref="ICatalogueSearch"/> (<c>Catalog:Search=Sru</c>),
    /// with options <c>Catalog:Sru:*</c> validated at start. Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddSruSearch(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(SruCatalogueSearch)))
        {
            return builder;
        }

        services.AddValidatedOptions<SruOptions, SruOptionsValidator>(SruOptions.SectionName);
        // The default HttpClient logs print request URLs, which carry the patron's search words: removed.
        services.AddHttpClient<SruCatalogueSearch>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) =>
                ResilienceTimeouts.Apply(o, sp.GetRequiredService<IOptions<SruOptions>>().Value.TimeoutMs));
        services.RemoveAll<ICatalogueSearch>();
        services.AddTransient<ICatalogueSearch>(sp => sp.GetRequiredService<SruCatalogueSearch>());
        CatalogueReachabilityCheck.Register(services, "sru", "the SRU server", (sp, ct) => sp.GetRequiredService<SruCatalogueSearch>().ProbeAsync(ct));
        return builder;
    }
}
