using LibraryBot.CatalogAdapter.Embedded;
using LibraryBot.CatalogAdapter.Sip2;
using LibraryBot.CatalogAdapter.Telemetry;
using LibraryBot.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.CatalogAdapter;

/// <summary>The catalogue project's single entry point.</summary>
public static class CatalogueRegistration
{
    /// <summary>
    /// Registers <see cref="ICatalogue"/> and <see cref="ICatalogueSearch"/> for <c>Catalog:Provider</c>
    /// (Embedded, the default | Sip2 | Koha) and <c>Catalog:Search</c> (Default | Sru), both validated at start;
    /// every call is measured (<see cref="CatalogueMetrics"/>) and each adapter adds its reachability health check.
    /// </summary>
    public static IHostApplicationBuilder AddCatalogue(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<CatalogueOptions, CatalogueOptionsValidator>(CatalogueOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        var options = builder.Configuration.GetSection(CatalogueOptions.SectionName).Get<CatalogueOptions>() ?? new CatalogueOptions();

        // One case per provider; each adapter registers ICatalogue.
        switch (options.Provider.ToUpperInvariant())
        {
            case "EMBEDDED":
                builder.AddEmbeddedCatalogue();
                break;
            case "SIP2":
                builder.AddSip2Catalogue();
                break;
            case "KOHA":
                Koha.KohaRegistration.AddKohaCatalogue(builder);
                break;
            default:
                throw new InvalidOperationException(
                    $"{CatalogueOptions.SectionName}:Provider: '{options.Provider}' is not a catalogue this build can use.");
        }

        // One case per search backend; Default serves search from the provider itself.
        switch (options.Search.ToUpperInvariant())
        {
            case "DEFAULT":
                builder.Services.TryAddSingleton<ICatalogueSearch>(sp => sp.GetRequiredService<ICatalogue>());
                break;
            case "SRU":
                Sru.SruRegistration.AddSruSearch(builder);
                break;
            default:
                throw new InvalidOperationException(
                    $"{CatalogueOptions.SectionName}:Search: '{options.Search}' is not a search backend this build can use.");
        }

        builder.Services.AddCatalogueMetering(options.Provider);
        return builder;
    }
}
