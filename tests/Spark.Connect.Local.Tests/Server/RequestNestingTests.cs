using Google.Protobuf;
using Spark.Connect.Transport;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>
/// Requests are decoded with Spark's nesting limit (1,024 levels, <c>spark.connect.grpc.marshallerRecursionLimit</c>),
/// not Google.Protobuf's default of 100, so long chains of operators reach the engine; deeper requests get a clear error.
/// </summary>
public sealed class RequestNestingTests : LocalServerTestBase
{
    private const int RangeSize = 1000;

    /// <summary>
    /// range(0, 1000) under <paramref name="filters"/> chained filters, the i-th keeping <c>id != i</c>: the answer is
    /// every id from <paramref name="filters"/> on, and it is right only if every filter was applied.
    /// </summary>
    private static Plan ChainedFilters(int filters)
    {
        var relation = new Relation { Range = new Spark.Connect.Protocol.Range { Start = 0, End = RangeSize, Step = 1 } };
        for (var i = 0; i < filters; i++)
        {
            var notEqual = new Expression.Types.UnresolvedFunction { FunctionName = "!=" };
            notEqual.Arguments.Add(new Expression { UnresolvedAttribute = new() { UnparsedIdentifier = "id" } });
            notEqual.Arguments.Add(new Expression { Literal = new() { Long = i } });
            relation = new Relation { Filter = new Filter { Input = relation, Condition = new Expression { UnresolvedFunction = notEqual } } };
        }

        return new Plan { Root = relation };
    }

    /// <summary>How deep the ExecutePlanRequest carrying <paramref name="plan"/> nests, counted as Google.Protobuf counts.</summary>
    private static int NestingOf(Plan plan)
    {
        var request = new ExecutePlanRequest { Plan = plan }.ToByteArray();
        for (var limit = 1; ; limit++)
        {
            try
            {
                using var input = CodedInputStream.CreateWithLimits(new MemoryStream(request), int.MaxValue, limit);
                ExecutePlanRequest.Parser.ParseFrom(input);
                return limit;
            }
            catch (InvalidProtocolBufferException)
            {
            }
        }
    }

    // 450 filters nest 905 levels. About 500 is as far as the engine goes today: its SQL nests one SELECT per
    // filter and DuckDB's parser stops at max_expression_depth (1,000) with PARSE_SYNTAX_ERROR.
    [Test]
    public async Task A_plan_of_450_chained_filters_nesting_over_900_levels_runs_and_applies_every_filter()
    {
        var plan = ChainedFilters(450);
        Assert.That(NestingOf(plan), Is.GreaterThan(900).And.LessThanOrEqualTo(1024));
        var client = NewClient();

        var rows = await RowsAsync(client, plan);

        Assert.That(rows.Select(r => (long)r[0]!), Is.EqualTo(Enumerable.Range(450, RangeSize - 450).Select(i => (long)i)));
    }

    [Test]
    public async Task A_plan_over_the_limit_is_InvalidArgument_naming_the_limit_and_the_option_and_the_server_goes_on()
    {
        var plan = ChainedFilters(600);
        Assert.That(NestingOf(plan), Is.GreaterThan(1024));
        // The client refuses such a plan itself (MaxPlanDepth); raised here, so the server's own limit is what answers.
        var client = NewClient(o => o.MaxPlanDepth = 4096);

        var error = await Assert.ThrowsAsync<GrpcException>(() => RowsAsync(client, plan));
        var analyzeError = await Assert.ThrowsAsync<GrpcException>(() => client.SchemaAsync(plan));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.InvalidArgument));
        Assert.That(error.Detail, Does.Contain("1024").And.Contain("LocalSparkServerOptions.MaxRequestNestingDepth"));
        Assert.That(analyzeError!.StatusCode, Is.EqualTo(GrpcStatusCode.InvalidArgument), "every RPC decodes with the same limit");
        Assert.That(await RowsAsync(client, Sql("SELECT 41 + 1 AS answer")), Is.EqualTo(new[] { new object?[] { 42 } }));
        Assert.That(await RowsAsync(client, ChainedFilters(3)), Has.Count.EqualTo(RangeSize - 3));
    }

    [Test]
    public async Task The_limit_is_an_option()
    {
        await using var strict = await LocalSparkServer.StartAsync(new LocalSparkServerOptions { MaxRequestNestingDepth = 64 });
        var client = NewClient(o => o.ConnectionString = strict.ConnectionString);
        Assert.That((NestingOf(ChainedFilters(29)), NestingOf(ChainedFilters(30))), Is.EqualTo((63, 65)));

        var shallow = await RowsAsync(client, ChainedFilters(29));
        var error = await Assert.ThrowsAsync<GrpcException>(() => RowsAsync(client, ChainedFilters(30)));

        Assert.That(shallow, Has.Count.EqualTo(RangeSize - 29));
        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.InvalidArgument));
        Assert.That(error.Detail, Does.Contain("64"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(4097)]
    public async Task A_limit_out_of_range_is_refused_at_start(int depth)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LocalSparkServer.StartAsync(new LocalSparkServerOptions { MaxRequestNestingDepth = depth }));

        Assert.That(error!.ParamName, Is.EqualTo(nameof(LocalSparkServerOptions.MaxRequestNestingDepth)));
    }
}
