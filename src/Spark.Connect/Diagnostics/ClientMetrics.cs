using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Spark.Connect.Diagnostics;

/// <summary>
/// The client's instruments on one <see cref="Meter"/> named <see cref="SparkConnectDiagnostics.MeterName"/>: a shared
/// static meter, or the one an application's <see cref="IMeterFactory"/> gives (dependency injection), so a host's
/// metrics stay apart from another host's in the same process. Instruments are made once per meter.
/// </summary>
internal sealed class ClientMetrics
{
    // OpenTelemetry's advice for db.client.operation.duration: short queries to long ones.
    private static readonly double[] DurationBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 60, 300];

    private static readonly ConditionalWeakTable<Meter, ClientMetrics> ByMeter = new();
    private static readonly Lazy<ClientMetrics> Shared = new(() => For(new Meter(SparkConnectDiagnostics.MeterName, Version)));

    private ClientMetrics(Meter meter)
    {
        OperationDuration = meter.CreateHistogram(TelemetryNames.OperationDuration, "s", "Duration of Spark Connect operations.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        ReturnedRows = meter.CreateHistogram<long>(TelemetryNames.ReturnedRows, "{row}", "Rows an ExecutePlan operation returned.");
        ReceivedBytes = meter.CreateHistogram<long>(TelemetryNames.ReceivedBytes, "By", "Arrow bytes an ExecutePlan operation returned.");
        ReceivedBatches = meter.CreateHistogram<long>(TelemetryNames.ReceivedBatches, "{batch}", "Arrow batches an ExecutePlan operation returned.");
        ActiveOperations = meter.CreateUpDownCounter<long>(TelemetryNames.ActiveOperations, "{operation}", "Spark Connect operations in progress.");
        Retries = meter.CreateCounter<long>(TelemetryNames.Retries, "{retry}", "Calls retried after a retryable failure.");
        Reattaches = meter.CreateCounter<long>(TelemetryNames.Reattaches, "{reattach}", "Result streams resumed with ReattachExecute.");
    }

    /// <summary>The assembly version, given to the meter and the activity source.</summary>
    public static string Version { get; } = typeof(ClientMetrics).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public Histogram<double> OperationDuration { get; }
    public Histogram<long> ReturnedRows { get; }
    public Histogram<long> ReceivedBytes { get; }
    public Histogram<long> ReceivedBatches { get; }
    public UpDownCounter<long> ActiveOperations { get; }
    public Counter<long> Retries { get; }
    public Counter<long> Reattaches { get; }

    /// <summary>The instruments on <paramref name="factory"/>'s meter, or on the shared static meter without a factory.</summary>
    public static ClientMetrics Create(IMeterFactory? factory) =>
        factory is null ? Shared.Value : For(factory.Create(new MeterOptions(SparkConnectDiagnostics.MeterName) { Version = Version }));

    private static ClientMetrics For(Meter meter) => ByMeter.GetValue(meter, m => new ClientMetrics(m));
}
