using FluentValidation;

namespace LibraryBot.Bot.Telemetry;

/// <summary><c>Telemetry:*</c>: metrics and traces (OpenTelemetry). Everything is off until an exporter is enabled.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public PrometheusSettings Prometheus { get; set; } = new();

    public OtlpSettings Otlp { get; set; } = new();

    /// <summary>How often the inbox depth and the outbox's pending replies are counted in the store (while metrics are exported).</summary>
    public int BacklogSampleSeconds { get; set; } = 15;

    public bool MetricsEnabled => Prometheus.Enabled || Otlp.Enabled;

    /// <summary>Traces go to OTLP only (Prometheus has none).</summary>
    public bool TracingEnabled => Otlp.Enabled;
}

public sealed class TelemetryOptionsValidator : AbstractValidator<TelemetryOptions>
{
    public TelemetryOptionsValidator()
    {
        RuleFor(o => o.Prometheus.Port).InclusiveBetween(1, 65535).When(o => o.Prometheus.Port is not null)
            .WithMessage("must be a port number between 1 and 65535");
        RuleFor(o => o.Prometheus.Host).NotEmpty().WithMessage("must not be empty (localhost, a host name or address, or *)");
        RuleFor(o => o.Otlp.Endpoint)
            .Must(e => Uri.TryCreate(e, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .When(o => o.Otlp.Enabled).WithMessage("must be an absolute http:// or https:// URL, e.g. http://localhost:4317");
        RuleFor(o => o.Otlp.Protocol).Must(p => p is OtlpSettings.Grpc or OtlpSettings.HttpProtobuf)
            .WithMessage($"must be {OtlpSettings.Grpc} or {OtlpSettings.HttpProtobuf}");
        RuleFor(o => o.BacklogSampleSeconds).InclusiveBetween(1, 3600).WithMessage("must be between 1 and 3600");
    }
}
