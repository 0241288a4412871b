using LibraryBot.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LibraryBot.Bot.Telemetry;

/// <summary>
/// Metrics and traces with OpenTelemetry (<c>Telemetry:*</c>): LibraryBot's own meter and spans (named
/// <c>LibraryBot</c>), ASP.NET Core and HttpClient. Off until an exporter is enabled: the Prometheus scrape endpoint
/// <c>/metrics</c> (<c>Telemetry:Prometheus:Enabled</c>; on the server's port, or a port of its own) and OTLP
/// (<c>Telemetry:Otlp:Endpoint</c>, metrics and traces).
/// </summary>
public static class TelemetryRegistration
{
    public const string ServiceName = "librarybot";

    public const string ScrapePath = "/metrics";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<TelemetryOptions, TelemetryOptionsValidator>(TelemetryOptions.SectionName);
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        services.AddHostedService<BacklogSampler>();

        // Which exporters exist is decided from the raw settings; an invalid one stops the start later, with one line naming it.
        var section = builder.Configuration.GetSection(TelemetryOptions.SectionName);
        var prometheus = bool.TryParse(section["Prometheus:Enabled"], out var enabled) && enabled;
        int? prometheusPort = int.TryParse(section["Prometheus:Port"], out var port) ? port : null;
        var prometheusHost = section["Prometheus:Host"] is { Length: > 0 } host ? host : "localhost";
        Uri? otlp = Uri.TryCreate(section["Otlp:Endpoint"], UriKind.Absolute, out var endpoint) ? endpoint : null;
        var otlpProtocol = section["Otlp:Protocol"] == OtlpSettings.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        if (!prometheus && otlp is null)
        {
            return builder;
        }

        var openTelemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString()));
        openTelemetry.WithMetrics(metrics =>
        {
            // ASP.NET Core's request metrics and HttpClient's; not Kestrel's connection metrics, which are tagged with the client's address.
            metrics.AddMeter(LibraryBotTelemetry.Name, "Microsoft.AspNetCore.Hosting", "System.Net.Http");
            if (prometheus && prometheusPort is { } ownPort)
            {
                metrics.AddPrometheusHttpListener(o => (o.Host, o.Port, o.ScrapeEndpointPath) = (prometheusHost, ownPort, ScrapePath));
            }
            else if (prometheus)
            {
                metrics.AddPrometheusExporter(o => o.ScrapeEndpointPath = ScrapePath);
            }

            if (otlp is not null)
            {
                metrics.AddOtlpExporter(o => UseCollector(o, otlp, otlpProtocol, "v1/metrics"));
            }
        });

        if (otlp is not null)
        {
            openTelemetry.WithTracing(tracing => tracing
                .AddSource(LibraryBotTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = HttpSpanPrivacy.IsTraced;
                    o.EnrichWithHttpRequest = (span, _) => HttpSpanPrivacy.ScrubIncoming(span);
                    o.EnrichWithHttpResponse = (span, _) => HttpSpanPrivacy.ScrubIncoming(span);
                })
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = HttpSpanPrivacy.ScrubOutgoing)
                .AddOtlpExporter(o => UseCollector(o, otlp, otlpProtocol, "v1/traces")));
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c> on the server's own port when Prometheus is enabled without a port of its own.</summary>
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder endpoints)
    {
        var prometheus = endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus;
        if (prometheus.Enabled && prometheus.Port is null)
        {
            endpoints.MapPrometheusScrapingEndpoint(ScrapePath);
        }

        return endpoints;
    }

    /// <summary>gRPC takes the collector's address as it is; HTTP/protobuf posts each signal to its own path under it.</summary>
    private static void UseCollector(OtlpExporterOptions options, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.Grpc ? endpoint : new Uri(endpoint.ToString().TrimEnd('/') + "/" + signalPath);
    }
}
