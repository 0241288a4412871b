using LibraryBot.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LibraryBot.CatalogAdapter.Embedded;

/// <summary>Registers the demo library; called by <see cref="CatalogueRegistration.AddCatalogue"/>.</summary>
internal static class EmbeddedCatalogueRegistration
{
    public static void AddEmbeddedCatalogue(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<EmbeddedCatalogueOptions, EmbeddedCatalogueOptionsValidator>(EmbeddedCatalogueOptions.SectionName);
        builder.Services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmbeddedCatalogueOptions>>().Value;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new EmbeddedCatalogue(
                Path.IsPathRooted(options.Path) ? options.Path : Path.GetFullPath(Path.Combine(root, options.Path)),
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<EmbeddedCatalogue>>());
        });
        builder.Services.TryAddSingleton<ICatalogue>(sp => sp.GetRequiredService<EmbeddedCatalogue>());
        builder.Services.AddHostedService<EmbeddedCatalogueInitializer>();
        CatalogueReachabilityCheck.Register(builder.Services, "embedded", "the demo library",
            (sp, ct) => sp.GetRequiredService<EmbeddedCatalogue>().GetBranchesAsync(ct));
    }
}
