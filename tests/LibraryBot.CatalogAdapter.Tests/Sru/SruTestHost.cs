using LibraryBot.CatalogAdapter.Sru;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LibraryBot.CatalogAdapter.Tests.Sru;

/// <summary>SRU search as the host wires it (<see cref="SruRegistration.AddSruSearch"/>).</summary>
internal static class SruTestHost
{
    public static ServiceProvider Create(string baseUrl, string version = "1.2", Func<HttpMessageHandler>? primaryHandler = null,
        IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var config = new Dictionary<string, string?>
        {
            ["Catalog:Sru:BaseUrl"] = baseUrl,
            ["Catalog:Sru:Version"] = version,
            ["Catalog:Sru:TimeoutMs"] = "3000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        if (primaryHandler is not null)
        {
            builder.Services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(primaryHandler));
        }

        builder.Services.AddLogging();
        builder.AddSruSearch();
        return builder.Services.BuildServiceProvider();
    }
}
