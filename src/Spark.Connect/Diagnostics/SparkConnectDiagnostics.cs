namespace Spark.Connect;

/// <summary>
/// The names under which the client publishes its telemetry, for OpenTelemetry and other listeners:
/// <c>.AddSource(SparkConnectDiagnostics.ActivitySourceName)</c> for a span per operation (ExecutePlan, AnalyzePlan,
/// Config, …) and <c>.AddMeter(SparkConnectDiagnostics.MeterName)</c> for its metrics. Spans and metrics follow
/// OpenTelemetry's database client conventions (<c>db.system.name</c> = <see cref="DbSystemName"/>); they carry table
/// names, never a token, a header value or a value from the query.
/// </summary>
public static class SparkConnectDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: <c>Spark.Connect</c>.</summary>
    public const string ActivitySourceName = "Spark.Connect";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name: <c>Spark.Connect</c>.</summary>
    public const string MeterName = "Spark.Connect";

    /// <summary>
    /// The <c>db.system.name</c> value. OpenTelemetry's list of well-known systems has no entry for Spark, so this is the
    /// product's name in that list's style.
    /// </summary>
    public const string DbSystemName = "spark";
}
