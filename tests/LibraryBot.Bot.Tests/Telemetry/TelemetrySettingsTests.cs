using LibraryBot.Bot.Tests.Support;

namespace LibraryBot.Bot.Tests.Telemetry;

/// <summary>An invalid <c>Telemetry:*</c> setting stops the start with one line naming the key.</summary>
public sealed class TelemetrySettingsTests
{
    [Theory]
    [InlineData("Telemetry__Prometheus__Port", "70000", "Configuration error: Telemetry:Prometheus:Port: must be a port number between 1 and 65535")]
    [InlineData("Telemetry__Prometheus__Enabled", "maybe", "Configuration error: Telemetry:Prometheus:Enabled: must be true or false")]
    [InlineData("Telemetry__Otlp__Endpoint", "collector:4317", "Configuration error: Telemetry:Otlp:Endpoint: must be an absolute http:// or https:// URL")]
    [InlineData("Telemetry__Otlp__Protocol", "udp", "Configuration error: Telemetry:Otlp:Protocol: must be grpc or http/protobuf")]
    [InlineData("Telemetry__BacklogSampleSeconds", "0", "Configuration error: Telemetry:BacklogSampleSeconds: must be between 1 and 3600")]
    public async Task Start_WhenATelemetrySettingIsInvalid_StopsWithOneLineNamingTheKey(string key, string value, string line)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(new Dictionary<string, string> { [key] = value }));

        Assert.Contains("exited with code 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(line, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }
}
