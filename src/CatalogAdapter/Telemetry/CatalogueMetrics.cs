using System.Diagnostics;
using System.Diagnostics.Metrics;
using LibraryBot.Shared;

namespace LibraryBot.CatalogAdapter.Telemetry;

/// <summary>
/// The catalogue's instruments (meter <c>LibraryBot</c>): the duration of every call to the library system and its
/// errors, by adapter (<c>embedded</c>, <c>sip2</c>, <c>koha</c>, <c>sru</c>) and operation. Each call is also a
/// client span. Recorded by <see cref="MeteredCatalogue"/> and <see cref="MeteredCatalogueSearch"/> around the adapters.
/// </summary>
public sealed class CatalogueMetrics
{
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;

    public CatalogueMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(LibraryBotTelemetry.Name);
        _duration = meter.CreateHistogram<double>("librarybot.catalogue.duration", "s",
            "Duration of calls to the library system, by adapter, operation and outcome (ok, error).");
        _errors = meter.CreateCounter<long>("librarybot.catalogue.errors", "{call}",
            "Calls to the library system that failed, by adapter, operation and error kind (Unavailable, Timeout, Protocol, Unauthorized, NotFound, or the exception's type).");
    }

    /// <summary>Runs one call of <paramref name="adapter"/> as a span, recording its duration and any failure.</summary>
    public async Task<T> MeasureAsync<T>(string adapter, string operation, Func<Task<T>> call)
    {
        using var span = LibraryBotTelemetry.Source.StartActivity($"catalogue {operation}", ActivityKind.Client);
        span?.SetTag("librarybot.catalogue.adapter", adapter).SetTag("librarybot.catalogue.operation", operation);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call().ConfigureAwait(false);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new("adapter", adapter), new("operation", operation), new("outcome", "ok"));
            return result;
        }
        catch (Exception e)
        {
            var kind = e is CatalogueException catalogue ? catalogue.Kind.ToString() : e.GetType().Name;
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new("adapter", adapter), new("operation", operation), new("outcome", "error"));
            _errors.Add(1, new("adapter", adapter), new("operation", operation), new("error_kind", kind));
            span?.SetStatus(ActivityStatusCode.Error, kind).SetTag("error.type", kind);
            throw;
        }
    }
}
