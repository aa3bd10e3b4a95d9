using Google.Protobuf;
using NUnit.Framework;
using Spark.Connect.Transport;
using static Spark.Connect.Tests.Client.ClientTestKit;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Tests.Client;

/// <summary>
/// The client measures a plan's nesting as protobuf's parser counts it (what Spark's server limits), without
/// recursion, and refuses a plan deeper than <see cref="SparkConnectClientOptions.MaxPlanDepth"/> before
/// serializing it. (A 100,000-level plan, which would overflow the stack if this regressed, is sent from a
/// child process in tests/Spark.Linq.Tests/DeepQueries.)
/// </summary>
public class PlanDepthTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(37)]
    [TestCase(700)]
    public void Depth_is_the_smallest_recursion_limit_protobufs_parser_reads_the_request_with(int filters)
    {
        var request = new ExecutePlanRequest { Plan = new Plan { Root = Filters(filters) } };

        var depth = PlanDepth.Of(request);

        Assert.That(Parses(request, depth), Is.True);
        Assert.That(Parses(request, depth - 1), Is.False);
    }

    [Test]
    public void Map_entries_repeated_fields_and_oneofs_count_as_the_parser_counts_them()
    {
        // A SQL relation whose named argument (a map value) is an expression nested 30 calls deep, next to
        // positional arguments (a repeated field) of other depths.
        var sql = new SQL { Query = "SELECT :a, ?" };
        sql.NamedArguments["a"] = Nested(30);
        sql.PosArguments.Add(Nested(3));
        sql.PosArguments.Add(Nested(12));
        var request = new AnalyzePlanRequest { Schema = new() { Plan = new Plan { Root = new Relation { Sql = sql } } } };

        var depth = PlanDepth.Of(request);

        Assert.That(Parses(request, depth), Is.True);
        Assert.That(Parses(request, depth - 1), Is.False);
    }

    [Test]
    public async Task A_plan_at_the_limit_is_sent_and_one_level_deeper_is_refused_without_a_call()
    {
        var transport = new FakeTransport();
        transport.OnStream(SparkConnectMethods.ExecutePlan, (_, _) => Stream([Complete("r1")]));
        var plan = new Plan { Root = Filters(40) };
        var depth = PlanDepth.Of(new ExecutePlanRequest { Plan = plan });

        await using (var atTheLimit = NewClient(transport, maxPlanDepth: depth))
        {
            await foreach (var _ in atTheLimit.ExecutePlanAsync(plan)) { }
        }
        Assert.That(transport.Requests<ExecutePlanRequest>("ExecutePlan").Count(), Is.EqualTo(1));

        await using var below = NewClient(transport, maxPlanDepth: depth - 1);
        var error = Assert.Throws<SparkPlanTooDeepException>(() => below.ExecutePlanAsync(plan))!;
        Assert.That((error.Depth, error.Limit), Is.EqualTo((depth, depth - 1)));
        Assert.That(error.Message, Does.Contain("MaxPlanDepth").And.Contain("spark.connect.grpc.marshallerRecursionLimit"));
        Assert.That(transport.Requests<ExecutePlanRequest>("ExecutePlan").Count(), Is.EqualTo(1), "nothing more was sent");
    }

    [Test]
    public async Task Analysis_requests_count_the_levels_they_add_above_the_plan()
    {
        var transport = new FakeTransport();
        var plan = new Plan { Root = Filters(40) };
        // An AnalyzePlan request wraps the plan one level deeper than an ExecutePlan request does.
        await using var client = NewClient(transport, maxPlanDepth: PlanDepth.Of(new ExecutePlanRequest { Plan = plan }));

        var error = (await Assert.ThrowsAsync<SparkPlanTooDeepException>(() => client.SchemaAsync(plan)))!;

        Assert.That(error.Depth, Is.EqualTo(error.Limit + 1));
        Assert.That(transport.Calls, Is.Empty);
    }

    [Test]
    public void The_default_limit_is_the_servers_and_a_limit_below_eight_is_refused_at_creation()
    {
        Assert.That(new SparkConnectClientOptions().MaxPlanDepth, Is.EqualTo(1024));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NewClient(new FakeTransport(), maxPlanDepth: 0))!;
        Assert.That(error.ParamName, Is.EqualTo(nameof(SparkConnectClientOptions.MaxPlanDepth)));
    }

    private static SparkConnectClient NewClient(FakeTransport transport, int maxPlanDepth) =>
        SparkConnectClient.Create(new SparkConnectClientOptions
        {
            ConnectionString = "sc://localhost",
            TransportFactory = _ => transport,
            MaxPlanDepth = maxPlanDepth,
        });

    private static Relation Filters(int n)
    {
        var relation = new Relation { Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = "t" } } };
        for (var i = 0; i < n; i++) relation = new Relation { Filter = new Filter { Input = relation, Condition = Nested(1) } };
        return relation;
    }

    /// <summary><c>not(not(… true))</c>, <paramref name="calls"/> calls deep.</summary>
    private static Expression Nested(int calls)
    {
        var expression = new Expression { Literal = new Literal { Boolean = true } };
        for (var i = 0; i < calls; i++)
        {
            var call = new Expression.Types.UnresolvedFunction { FunctionName = "not" };
            call.Arguments.Add(expression);
            expression = new Expression { UnresolvedFunction = call };
        }
        return expression;
    }

    private static bool Parses<T>(T message, int recursionLimit) where T : IMessage<T>, new()
    {
        try
        {
            var parsed = new T();
            parsed.MergeFrom(CodedInputStream.CreateWithLimits(new MemoryStream(message.ToByteArray()), int.MaxValue, recursionLimit));
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }
}
