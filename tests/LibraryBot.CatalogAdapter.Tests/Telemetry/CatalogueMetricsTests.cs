using System.Diagnostics.Metrics;
using LibraryBot.CatalogAdapter.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace LibraryBot.CatalogAdapter.Tests.Telemetry;

/// <summary>Every catalogue call is measured: its duration by outcome, and its errors by kind, per adapter and operation.</summary>
public sealed class CatalogueMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<CatalogueMetrics>().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public CatalogueMetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i.Name, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i.Name, v, tags));
        _listener.Start();
    }

    private CatalogueMetrics Metrics => _services.GetRequiredService<CatalogueMetrics>();

    [Fact]
    public async Task MeasureAsync_WhenTheCallSucceeds_RecordsItsDurationAsOk()
    {
        Assert.Equal(3, await Metrics.MeasureAsync("koha", "renew", () => Task.FromResult(3)));

        var duration = Assert.Single(_measurements, m => m.Instrument == "librarybot.catalogue.duration");
        Assert.Equal(("koha", "renew", "ok"), ((string)duration.Tags["adapter"]!, (string)duration.Tags["operation"]!, (string)duration.Tags["outcome"]!));
        Assert.DoesNotContain(_measurements, m => m.Instrument == "librarybot.catalogue.errors");
    }

    [Fact]
    public async Task MeasureAsync_WhenTheLibrarySystemFails_RecordsTheErrorKindAndRethrows()
    {
        var failure = new CatalogueException(CatalogueErrorKind.Timeout, "no answer");

        Assert.Same(failure, await Assert.ThrowsAsync<CatalogueException>(() => Metrics.MeasureAsync<int>("sru", "search", () => throw failure)));

        var error = Assert.Single(_measurements, m => m.Instrument == "librarybot.catalogue.errors");
        Assert.Equal(1, error.Value);
        Assert.Equal(("sru", "search", "Timeout"), ((string)error.Tags["adapter"]!, (string)error.Tags["operation"]!, (string)error.Tags["error_kind"]!));
        Assert.Equal("error", Assert.Single(_measurements, m => m.Instrument == "librarybot.catalogue.duration").Tags["outcome"]);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Record(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument, value, copy));
        }
    }
}
