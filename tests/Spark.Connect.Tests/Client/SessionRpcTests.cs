using Spark.Connect.Transport;
using NUnit.Framework;
using static Spark.Connect.Tests.Client.ClientTestKit;
using ExplainMode = Spark.Connect.Protocol.AnalyzePlanRequest.Types.Explain.Types.ExplainMode;

namespace Spark.Connect.Tests.Client;

public class SessionRpcTests
{
    private FakeTransport _transport = null!;

    [SetUp]
    public void SetUp() => _transport = new FakeTransport();

    [Test]
    public async Task Analyze_requests_carry_the_session_and_return_the_matching_answer()
    {
        _transport.OnUnary(SparkConnectMethods.AnalyzePlan, r => r.AnalyzeCase switch
        {
            AnalyzePlanRequest.AnalyzeOneofCase.Schema => new AnalyzePlanResponse { ServerSideSessionId = ServerSession, Schema = new() { Schema_ = new DataType { Struct = new() } } },
            AnalyzePlanRequest.AnalyzeOneofCase.Explain => new AnalyzePlanResponse { Explain = new() { ExplainString = "== Plan ==" + r.Explain.ExplainMode } },
            AnalyzePlanRequest.AnalyzeOneofCase.TreeString => new AnalyzePlanResponse { TreeString = new() { TreeString_ = "root level " + r.TreeString.Level } },
            AnalyzePlanRequest.AnalyzeOneofCase.SparkVersion => new AnalyzePlanResponse { SparkVersion = new() { Version = "4.1.0" } },
            AnalyzePlanRequest.AnalyzeOneofCase.SemanticHash => new AnalyzePlanResponse { SemanticHash = new() { Result = 42 } },
            AnalyzePlanRequest.AnalyzeOneofCase.SameSemantics => new AnalyzePlanResponse { SameSemantics = new() { Result = r.SameSemantics.TargetPlan.Equals(r.SameSemantics.OtherPlan) } },
            AnalyzePlanRequest.AnalyzeOneofCase.DdlParse => new AnalyzePlanResponse { DdlParse = new() { Parsed = new DataType { Long = new() } } },
            _ => throw new InvalidOperationException(),
        });
        await using var client = NewClient(_transport);
        var plan = RangePlan();

        Assert.That((await client.SchemaAsync(plan)).KindCase, Is.EqualTo(DataType.KindOneofCase.Struct));
        Assert.That(await client.ExplainAsync(plan, ExplainMode.Extended), Is.EqualTo("== Plan ==Extended"));
        Assert.That(await client.TreeStringAsync(plan, level: 2), Is.EqualTo("root level 2"));
        Assert.That(await client.SparkVersionAsync(), Is.EqualTo("4.1.0"));
        Assert.That(await client.SemanticHashAsync(plan), Is.EqualTo(42));
        Assert.That(await client.SameSemanticsAsync(plan, RangePlan()), Is.True);
        Assert.That(await client.SameSemanticsAsync(plan, RangePlan(11)), Is.False);
        Assert.That((await client.ParseDdlAsync("id BIGINT")).KindCase, Is.EqualTo(DataType.KindOneofCase.Long));

        var requests = _transport.Requests<AnalyzePlanRequest>("AnalyzePlan").ToList();
        Assert.That(requests.All(r => r.SessionId == client.SessionId && r.ClientType == client.ClientType));
        Assert.That(requests.Skip(1).All(r => r.ClientObservedServerSideSessionId == ServerSession), "the observed server session is echoed");
        Assert.That(client.ServerSideSessionId, Is.EqualTo(ServerSession));
    }

    [Test]
    public async Task A_mismatched_analyze_answer_is_a_protocol_error()
    {
        _transport.OnUnary(SparkConnectMethods.AnalyzePlan, r => new AnalyzePlanResponse { SparkVersion = new() { Version = "x" } });
        await using var client = NewClient(_transport);

        var error = await Assert.ThrowsAsync<SparkException>(() => client.SchemaAsync(RangePlan()));

        Assert.That(error!.Message, Does.Contain("Schema").And.Contains("SparkVersion"));
    }

    [Test]
    public async Task Config_operations_build_the_right_requests()
    {
        var store = new Dictionary<string, string>();
        _transport.OnUnary(SparkConnectMethods.Config, r =>
        {
            var response = new ConfigResponse { SessionId = r.SessionId };
            var op = r.Operation;
            switch (op.OpTypeCase)
            {
                case ConfigRequest.Types.Operation.OpTypeOneofCase.Set:
                    foreach (var p in op.Set.Pairs) store[p.Key] = p.Value;
                    break;
                case ConfigRequest.Types.Operation.OpTypeOneofCase.Get:
                    response.Pairs.AddRange(op.Get.Keys.Select(k => store.TryGetValue(k, out var v) ? new KeyValue { Key = k, Value = v } : new KeyValue { Key = k }));
                    break;
                case ConfigRequest.Types.Operation.OpTypeOneofCase.GetAll:
                    response.Pairs.AddRange(store.Where(p => !op.GetAll.HasPrefix || p.Key.StartsWith(op.GetAll.Prefix)).Select(p => new KeyValue { Key = p.Key, Value = p.Value }));
                    break;
                case ConfigRequest.Types.Operation.OpTypeOneofCase.Unset:
                    foreach (var k in op.Unset.Keys) store.Remove(k);
                    break;
            }
            return response;
        });
        await using var client = NewClient(_transport);

        await client.SetConfigAsync("spark.sql.shuffle.partitions", "8");
        await client.SetConfigAsync([new("spark.a", "1"), new("other.b", "2")]);
        Assert.That(await client.GetConfigAsync("spark.sql.shuffle.partitions"), Is.EqualTo("8"));
        Assert.That(await client.GetConfigAsync("spark.missing"), Is.Null);
        Assert.That((await client.GetAllConfigAsync("spark.")).Keys, Is.EquivalentTo(new[] { "spark.sql.shuffle.partitions", "spark.a" }));
        await client.UnsetConfigAsync(["spark.a"]);
        Assert.That((await client.GetAllConfigAsync()).Keys, Is.EquivalentTo(new[] { "spark.sql.shuffle.partitions", "other.b" }));
    }

    [Test]
    public async Task Interrupts_name_what_they_interrupt()
    {
        _transport.OnUnary(SparkConnectMethods.Interrupt, r => new InterruptResponse { InterruptedIds = { r.InterruptType.ToString() + ":" + r.OperationTag + r.OperationId } });
        await using var client = NewClient(_transport);

        Assert.That(await client.InterruptAllAsync(), Is.EqualTo(new[] { "All:" }));
        Assert.That(await client.InterruptTagAsync("nightly"), Is.EqualTo(new[] { "Tag:nightly" }));
        Assert.That(await client.InterruptOperationAsync("op-7"), Is.EqualTo(new[] { "OperationId:op-7" }));
    }

    [Test]
    public async Task Disposing_releases_a_session_the_server_has_seen_and_closes_the_transport()
    {
        _transport.OnUnary(SparkConnectMethods.AnalyzePlan, r => new AnalyzePlanResponse { ServerSideSessionId = ServerSession, SparkVersion = new() { Version = "4" } });
        _transport.OnUnary(SparkConnectMethods.ReleaseSession, r => new ReleaseSessionResponse { SessionId = r.SessionId });
        var client = NewClient(_transport);
        await client.SparkVersionAsync();

        await client.DisposeAsync();
        await client.DisposeAsync();

        Assert.That(_transport.Requests<ReleaseSessionRequest>("ReleaseSession").Single().SessionId, Is.EqualTo(client.SessionId));
        Assert.That(_transport.Disposed, Is.True);
        Assert.Throws<ObjectDisposedException>(() => client.ExecutePlanAsync(RangePlan()));
    }

    [Test]
    public async Task Disposing_an_unused_session_makes_no_call()
    {
        var client = NewClient(_transport);
        await client.DisposeAsync();
        Assert.That(_transport.Calls, Is.Empty);
        Assert.That(_transport.Disposed, Is.True);
    }

    [Test]
    public async Task Each_client_has_its_own_session_id_unless_one_is_given()
    {
        await using var first = NewClient(_transport);
        await using var second = NewClient(_transport);
        Assert.That(Guid.TryParse(first.SessionId, out _), Is.True);
        Assert.That(first.SessionId, Is.Not.EqualTo(second.SessionId));
    }
}
