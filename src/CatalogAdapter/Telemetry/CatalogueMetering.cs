using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LibraryBot.CatalogAdapter.Telemetry;

/// <summary>Wraps the registered catalogue adapters in their measured versions (called last by <see cref="CatalogueRegistration.AddCatalogue"/>).</summary>
internal static class CatalogueMetering
{
    /// <param name="services">The services, with the adapters already registered.</param>
    /// <param name="provider">The circulation adapter's name (<c>Catalog:Provider</c>), the <c>adapter</c> tag of its calls.</param>
    /// <remarks>When SRU serves search (<c>Catalog:Search=Sru</c>, or Koha, which always searches through it), its calls are measured as <c>sru</c>.</remarks>
    public static void AddCatalogueMetering(this IServiceCollection services, string provider)
    {
        services.AddMetrics();
        services.TryAddSingleton<CatalogueMetrics>();
        var adapter = provider.ToLowerInvariant();
        Decorate<ICatalogue>(services, (sp, inner) => new MeteredCatalogue(inner, adapter, sp.GetRequiredService<CatalogueMetrics>()));
        if (services.Any(d => d.ServiceType == typeof(Sru.SruCatalogueSearch)))
        {
            Decorate<ICatalogueSearch>(services, (sp, inner) => new MeteredCatalogueSearch(inner, "sru", sp.GetRequiredService<CatalogueMetrics>()));
        }
    }

    /// <summary>Replaces the last registration of <typeparamref name="TService"/> by <paramref name="wrap"/> around it, with the same lifetime.</summary>
    private static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> wrap)
        where TService : class
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"No {typeof(TService).Name} is registered to measure.");
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(TService), sp => wrap(sp, Create<TService>(sp, original)), original.Lifetime));
    }

    private static TService Create<TService>(IServiceProvider services, ServiceDescriptor descriptor)
        where TService : class =>
        (TService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
