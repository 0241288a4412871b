using LibraryBot.CatalogAdapter.ConfiguredBranches;
using LibraryBot.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.CatalogAdapter.Sip2;

/// <summary>Registers the SIP2 catalogue (<c>Catalog:Provider=Sip2</c>).</summary>
public static class Sip2Registration
{
    /// <summary>
    /// Adds <see cref="ICatalogue"/> over SIP2 with its options (<c>Catalog:Sip2:*</c>, <c>Catalog:Branches</c>).
    /// Search and records go to the SRU search registered by the caller; <see cref="CatalogueOptionsValidator"/>
    /// refuses to start with <c>Catalog:Search=Default</c>, since SIP2 cannot search.
    /// </summary>
    public static IHostApplicationBuilder AddSip2Catalogue(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<Sip2Options, Sip2OptionsValidator>(Sip2Options.SectionName);
        services.AddValidatedOptions<CatalogBranchesOptions, CatalogBranchesOptionsValidator>(CatalogBranchesOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Sip2ConnectionPool>();
        services.TryAddSingleton<Sip2Client>();
        services.TryAddSingleton<Sip2ItemResolver>();
        services.TryAddSingleton<Sip2Catalogue>();
        services.TryAddSingleton<ICatalogue>(sp => sp.GetRequiredService<Sip2Catalogue>());
        CatalogueReachabilityCheck.Register(services, "sip2", "the SIP2 server", (sp, ct) => sp.GetRequiredService<Sip2Client>().PingAsync(ct));
        return builder;
    }
}
