using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Spark.Testing;

/// <summary>
/// Records what the code under test publishes: finished activities of the listened sources (ActivityListener),
/// measurements of instruments on the listened meters (MeterListener) and log entries (an ILoggerProvider), so tests
/// can assert names and attributes and search everything for values that must never appear.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    /// <param name="sources">Activity sources to record.</param>
    /// <param name="meterFilter">Which meters to record; null records none.</param>
    public TelemetryRecorder(string[] sources, Func<Meter, bool>? meterFilter = null)
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (meterFilter?.Invoke(instrument.Meter) == true) listener.EnableMeasurementEvents(instrument);
            },
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Measurements.Enqueue(new Measurement(i.Name, i.Unit, v, Tags(tags))));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Measurements.Enqueue(new Measurement(i.Name, i.Unit, v, Tags(tags))));
        _meters.Start();
    }

    public ConcurrentQueue<Activity> Activities { get; } = new();
    public ConcurrentQueue<Measurement> Measurements { get; } = new();
    public LogCollector Logs { get; } = new();

    public IEnumerable<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    /// <summary>Every text the telemetry carries: span names, tags, events, status, metric tags and log messages.</summary>
    public IEnumerable<string> AllText()
    {
        foreach (var activity in Activities)
        {
            yield return activity.DisplayName;
            yield return activity.StatusDescription ?? string.Empty;
            foreach (var (key, value) in activity.TagObjects) yield return $"{key}={value}";
            foreach (var e in activity.Events)
            {
                yield return e.Name;
                foreach (var (key, value) in e.Tags) yield return $"{key}={value}";
            }
        }
        foreach (var m in Measurements)
            foreach (var (key, value) in m.Tags) yield return $"{key}={value}";
        foreach (var entry in Logs.Entries)
        {
            yield return entry.Message;
            yield return entry.Exception?.ToString() ?? string.Empty;
        }
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags) copy[key] = value;
        return copy;
    }

    public sealed record Measurement(string Instrument, string? Unit, double Value, Dictionary<string, object?> Tags);
}

/// <summary>An ILoggerProvider that keeps every entry at every level.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collecting(this, categoryName);

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception,
        IReadOnlyList<KeyValuePair<string, object?>> State);

    private sealed class Collecting(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception,
                state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
    }
}

/// <summary>An IMeterFactory whose meters are told apart from every other meter by their scope (this factory).</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, this);
        lock (_meters) _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        lock (_meters) foreach (var meter in _meters) meter.Dispose();
    }
}
