using Spark.Connect.Transport;

namespace Spark.Connect.Local.Tests.Server;

/// <summary>ExecutePlan answers a relation with its schema first, then the Arrow batches, as Spark's server does.</summary>
public sealed class SchemaResponseTests : LocalServerTestBase
{
    private readonly string _sessionId = Guid.NewGuid().ToString();
    private readonly UserContext _user = new() { UserId = "tester" };

    [Test]
    public async Task The_schema_comes_once_before_the_first_batch_with_spark_names_and_types()
    {
        var client = NewClient();
        var responses = await CollectAsync(client.ExecutePlanAsync(Sql(
            "SELECT CAST(id AS INT) AS i, 'x' || id AS s, id / 2 AS d, NULL::DECIMAL(10,2) AS m FROM range(2500)")));

        Assert.That(responses.Select(KindOf).Distinct(), Is.EqualTo(new[] { "schema", "ArrowBatch", "ResultComplete" }));
        Assert.That(KindOf(responses[0]), Is.EqualTo("schema"));
        Assert.That(responses.Count(r => KindOf(r) == "schema"), Is.EqualTo(1));
        Assert.That(responses.Count(r => KindOf(r) == "ArrowBatch"), Is.EqualTo(3));
        var fields = responses[0].Schema.Struct.Fields;
        Assert.That(fields.Select(f => f.Name), Is.EqualTo(new[] { "i", "s", "d", "m" }));
        Assert.That(fields.Select(f => f.DataType.KindCase), Is.EqualTo(new[]
        {
            DataType.KindOneofCase.Integer, DataType.KindOneofCase.String, DataType.KindOneofCase.Double, DataType.KindOneofCase.Decimal,
        }));
        Assert.That((fields[3].DataType.Decimal.Precision, fields[3].DataType.Decimal.Scale), Is.EqualTo((10, 2)));
        Assert.That(responses[0].OperationId, Is.EqualTo(responses[^1].OperationId).And.Not.Empty);
        Assert.That(responses[0].ResponseId, Is.Not.Empty);
    }

    [Test]
    public async Task The_schema_response_is_the_resolved_plans_with_its_nullability()
    {
        var project = new Project { Input = new Relation { Range = new Spark.Connect.Protocol.Range { Start = 0, End = 3, Step = 1 } } };
        project.Expressions.Add(new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = "id" } });
        project.Expressions.Add(new Expression { Literal = new Expression.Types.Literal { Null = new DataType { String = new() } } });
        var responses = await CollectAsync(NewClient().ExecutePlanAsync(new Plan { Root = new Relation { Project = project } }));

        var fields = responses[0].Schema.Struct.Fields;
        Assert.That(fields.Select(f => (f.Name, f.DataType.KindCase, f.Nullable)), Is.EqualTo(new[]
        {
            ("id", DataType.KindOneofCase.Long, false), ("NULL", DataType.KindOneofCase.String, true),
        }));
    }

    [Test]
    public async Task An_empty_result_still_states_its_schema_before_its_one_empty_batch()
    {
        var client = NewClient();
        var responses = await CollectAsync(client.ExecutePlanAsync(Sql("SELECT 1::BIGINT AS id, 'a' AS name WHERE false")));

        Assert.That(responses.Select(KindOf), Is.EqualTo(new[] { "schema", "ArrowBatch", "ResultComplete" }));
        Assert.That(responses[0].Schema.Struct.Fields.Select(f => (f.Name, f.DataType.KindCase)),
            Is.EqualTo(new[] { ("id", DataType.KindOneofCase.Long), ("name", DataType.KindOneofCase.String) }));
        Assert.That(responses[1].ArrowBatch.RowCount, Is.Zero);
    }

    [Test]
    public async Task Nested_columns_are_described_with_their_element_and_field_types()
    {
        var client = NewClient();
        var responses = await CollectAsync(client.ExecutePlanAsync(Sql("SELECT array(1, 2) AS xs, named_struct('a', 'b') AS st")));

        var fields = responses[0].Schema.Struct.Fields;
        Assert.That(fields[0].DataType.Array.ElementType.KindCase, Is.EqualTo(DataType.KindOneofCase.Integer));
        Assert.That(fields[1].DataType.Struct.Fields.Single().Name, Is.EqualTo("a"));
    }

    [Test]
    public async Task Reattaching_after_the_schema_neither_repeats_nor_loses_it()
    {
        var transport = NewTransport();
        var operationId = Guid.NewGuid().ToString();
        var first = await TakeAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, Execute(operationId, 5000), GrpcCallOptions.Default, default), 1);
        Assert.That(KindOf(first.Single()), Is.EqualTo("schema"));

        var rest = await CollectAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute,
            new ReattachExecuteRequest { SessionId = _sessionId, UserContext = _user, OperationId = operationId, LastResponseId = first[0].ResponseId },
            GrpcCallOptions.Default, default));

        Assert.That(rest.Count(r => KindOf(r) == "schema"), Is.Zero);
        Assert.That(Rows(first.Concat(rest)), Has.Count.EqualTo(5000));
    }

    [Test]
    public async Task Reattaching_before_anything_was_read_sends_the_schema_first()
    {
        var transport = NewTransport();
        var operationId = Guid.NewGuid().ToString();
        // The first stream is dropped after it starts but before the client saw a response: resume from the beginning.
        await TakeAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ExecutePlan, Execute(operationId, 3000), GrpcCallOptions.Default, default), 0);

        var all = await CollectAsync(transport.ServerStreamingCallAsync(SparkConnectMethods.ReattachExecute,
            new ReattachExecuteRequest { SessionId = _sessionId, UserContext = _user, OperationId = operationId },
            GrpcCallOptions.Default, default));

        Assert.That(KindOf(all[0]), Is.EqualTo("schema"));
        Assert.That(all.Count(r => KindOf(r) == "schema"), Is.EqualTo(1));
        Assert.That(Rows(all), Has.Count.EqualTo(3000));
    }

    /// <summary>The schema travels in a field outside the response_type oneof, alone in its response, as in Spark.</summary>
    internal static string KindOf(ExecutePlanResponse response) =>
        response.Schema is not null && response.ResponseTypeCase == ExecutePlanResponse.ResponseTypeOneofCase.None ? "schema" : response.ResponseTypeCase.ToString();

    private ExecutePlanRequest Execute(string operationId, int rows)
    {
        var request = new ExecutePlanRequest { SessionId = _sessionId, UserContext = _user, OperationId = operationId, Plan = Sql($"SELECT id FROM range({rows})") };
        request.RequestOptions.Add(new ExecutePlanRequest.Types.RequestOption { ReattachOptions = new ReattachOptions { Reattachable = true } });
        return request;
    }

    private static async Task<List<ExecutePlanResponse>> TakeAsync(IAsyncEnumerable<ExecutePlanResponse> responses, int count)
    {
        var taken = new List<ExecutePlanResponse>();
        await using var enumerator = responses.GetAsyncEnumerator();
        // Always start the call, so the operation exists on the server even when nothing is taken.
        while (await enumerator.MoveNextAsync())
        {
            if (taken.Count == count)
                break;
            taken.Add(enumerator.Current);
        }
        return taken;
    }
}
