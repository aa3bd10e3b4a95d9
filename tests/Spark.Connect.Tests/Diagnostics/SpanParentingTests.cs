using System.Diagnostics;
using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Testing;
using static Spark.Connect.Tests.Client.ClientTestKit;

namespace Spark.Connect.Tests.Diagnostics;

/// <summary>Over the real transport: the gRPC calls of an execution, reattaches included, are children of its span.</summary>
public class SpanParentingTests
{
    [Test]
    public async Task Every_stream_of_an_execution_is_a_child_of_its_span_and_the_callers_current_activity_is_left_alone()
    {
        await using var server = await ScriptedSparkConnectServer.StartAsync();
        server.ReleaseExecute.Always((r, _) => new ReleaseExecuteResponse { SessionId = r.SessionId, OperationId = r.OperationId });
        server.ExecutePlan.Once(Batch("r1"));
        server.ReattachExecute.Once(Batch("r2")).Once(Complete("r3"));
        using var recorder = new TelemetryRecorder([SparkConnectDiagnostics.ActivitySourceName, "Grpc.Net.Client"]);
        await using var client = SparkConnectClient.Create(server.ConnectionString);
        var currentDuringRead = new List<Activity?>();

        await foreach (var _ in client.ExecutePlanAsync(RangePlan())) currentDuringRead.Add(Activity.Current);

        var execution = recorder.Activities.Single(a => a.Source.Name == SparkConnectDiagnostics.ActivitySourceName && a.DisplayName.StartsWith("ExecutePlan", StringComparison.Ordinal));
        var streams = recorder.Activities.Where(a => a.Source.Name == "Grpc.Net.Client" && a.ParentSpanId == execution.SpanId).ToList();
        Assert.That(streams, Has.Count.EqualTo(3), "ExecutePlan and two ReattachExecute calls");
        Assert.That(currentDuringRead, Is.All.Null, "the caller's Activity.Current is its own between responses");
        Assert.That(execution.DisplayName, Is.EqualTo("ExecutePlan Range"));
    }
}
