namespace LibraryBot.Bot.Telemetry;

/// <summary><c>Telemetry:Otlp:*</c>: export traces and metrics to an OpenTelemetry collector (off while no endpoint is set).</summary>
public sealed class OtlpSettings
{
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>The collector's base address, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> (HTTP).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary><see cref="Grpc"/> (default) or <see cref="HttpProtobuf"/>.</summary>
    public string Protocol { get; set; } = Grpc;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}
