using Google.Protobuf;
using NUnit.Framework;

namespace Spark.Connect.Tests.Contract;

/// <summary>Realistic plans through the generated code: binary and JSON round trips, and tolerance of unknown fields.</summary>
[TestFixture]
public class PlanRoundTripTests
{
    private static Expression Column(string name, long planId) =>
        new() { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = name, PlanId = planId } };

    private static Expression Call(string function, params Expression[] arguments)
    {
        var call = new Expression.Types.UnresolvedFunction { FunctionName = function };
        call.Arguments.AddRange(arguments);
        return new Expression { UnresolvedFunction = call };
    }

    /// <summary>SELECT name FROM db.people WHERE age &gt; 30 ORDER BY name LIMIT 10, as a client builds it.</summary>
    private static Plan PeopleQuery()
    {
        var read = new Relation { Common = new RelationCommon { PlanId = 0 }, Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = "db.people" } } };
        var filter = new Relation
        {
            Common = new RelationCommon { PlanId = 1 },
            Filter = new Filter { Input = read, Condition = Call(">", Column("age", 0), new Expression { Literal = new Expression.Types.Literal { Integer = 30 } }) },
        };
        var sort = new Relation
        {
            Common = new RelationCommon { PlanId = 2 },
            Sort = new Sort
            {
                Input = filter,
                IsGlobal = true,
                Order =
                {
                    new Expression.Types.SortOrder
                    {
                        Child = Column("name", 0),
                        Direction = Expression.Types.SortOrder.Types.SortDirection.Ascending,
                        NullOrdering = Expression.Types.SortOrder.Types.NullOrdering.SortNullsFirst,
                    },
                },
            },
        };
        var project = new Relation { Common = new RelationCommon { PlanId = 3 }, Project = new Project { Input = sort, Expressions = { Column("name", 0) } } };
        return new Plan { Root = new Relation { Common = new RelationCommon { PlanId = 4 }, Limit = new Limit { Input = project, Limit_ = 10 } } };
    }

    [Test]
    public void Filter_over_read_survives_a_binary_round_trip()
    {
        var plan = PeopleQuery();

        var parsed = Plan.Parser.ParseFrom(plan.ToByteArray());

        Assert.That(parsed, Is.EqualTo(plan));
        var filter = parsed.Root.Limit.Input.Project.Input.Sort.Input.Filter;
        Assert.That(filter.Input.Read.NamedTable.UnparsedIdentifier, Is.EqualTo("db.people"));
        Assert.That(filter.Condition.UnresolvedFunction.Arguments[1].Literal.Integer, Is.EqualTo(30));
        Assert.That(parsed.Root.Limit.Input.Project.Input.Sort.HasIsGlobal, Is.True, "proto3 optional keeps presence");
    }

    [Test]
    public void Plan_survives_a_json_round_trip_with_protobuf_json_names()
    {
        var plan = PeopleQuery();

        var json = JsonFormatter.Default.Format(plan);
        var parsed = JsonParser.Default.Parse<Plan>(json);

        Assert.That(parsed, Is.EqualTo(plan));
        Assert.That(json, Does.Contain("\"namedTable\": { \"unparsedIdentifier\": \"db.people\" }"));
        Assert.That(json, Does.Contain("\"nullOrdering\": \"SORT_NULLS_FIRST\""));
        Assert.That(json, Does.Contain("\"planId\": \"0\""), "int64 is a JSON string, and an explicitly set optional zero is kept");
    }

    [Test]
    public void Literal_with_root_data_type_keeps_both_type_fields()
    {
        // A 4.1+ server reads data_type (100); older ones need array.element_type.
        var intType = new DataType { Integer = new DataType.Types.Integer() };
        var literal = new Expression.Types.Literal
        {
            Array = new Expression.Types.Literal.Types.Array
            {
                ElementType = intType,
                Elements = { new Expression.Types.Literal { Integer = 1 }, new Expression.Types.Literal { Null = intType } },
            },
            DataType = new DataType { Array = new DataType.Types.Array { ElementType = intType, ContainsNull = true } },
        };

        var parsed = Expression.Types.Literal.Parser.ParseFrom(literal.ToByteArray());
        var json = JsonFormatter.Default.Format(literal);

        Assert.That(parsed, Is.EqualTo(literal));
        Assert.That(parsed.Array.Elements[1].LiteralTypeCase, Is.EqualTo(Expression.Types.Literal.LiteralTypeOneofCase.Null));
        Assert.That(JsonParser.Default.Parse<Expression.Types.Literal>(json), Is.EqualTo(literal));
        Assert.That(json, Does.Contain("\"dataType\""));
    }

    [Test]
    public void Execute_request_with_reattach_option_round_trips()
    {
        var request = new ExecutePlanRequest
        {
            SessionId = "8c5d6f0e-1a2b-4c3d-9e8f-001122334455",
            OperationId = "00000000-0000-0000-0000-000000000001",
            UserContext = new UserContext { UserId = "alice" },
            ClientType = "Spark.Linq tests",
            Plan = PeopleQuery(),
            RequestOptions = { new ExecutePlanRequest.Types.RequestOption { ReattachOptions = new ReattachOptions { Reattachable = true } } },
            Tags = { "linq" },
        };

        Assert.That(ExecutePlanRequest.Parser.ParseFrom(request.ToByteString()), Is.EqualTo(request));
        Assert.That(JsonParser.Default.Parse<ExecutePlanRequest>(JsonFormatter.Default.Format(request)), Is.EqualTo(request));
    }

    [Test]
    public void Response_kinds_this_client_does_not_declare_are_skipped_not_fatal()
    {
        // A server may answer with a oneof member we left out (e.g. an ML result, field 20).
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteString("session");
        output.WriteTag(13, WireFormat.WireType.LengthDelimited);
        output.WriteString("response-1");
        output.WriteTag(20, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(0x0A, 0x01, 0x78));
        output.Flush();

        var response = ExecutePlanResponse.Parser.ParseFrom(buffer.ToArray());

        Assert.That(response.SessionId, Is.EqualTo("session"));
        Assert.That(response.ResponseId, Is.EqualTo("response-1"));
        Assert.That(response.ResponseTypeCase, Is.EqualTo(ExecutePlanResponse.ResponseTypeOneofCase.None));
        Assert.That(response.ToByteArray(), Is.EqualTo(buffer.ToArray()), "unknown fields are preserved when re-serialised");
    }

    [Test]
    public void Arrow_batch_chunk_fields_keep_presence()
    {
        var whole = new ExecutePlanResponse.Types.ArrowBatch { RowCount = 3, Data = ByteString.CopyFromUtf8("x") };
        var chunk = new ExecutePlanResponse.Types.ArrowBatch { RowCount = 3, Data = ByteString.CopyFromUtf8("x"), ChunkIndex = 0, NumChunksInBatch = 2 };

        var parsedWhole = ExecutePlanResponse.Types.ArrowBatch.Parser.ParseFrom(whole.ToByteArray());
        var parsedChunk = ExecutePlanResponse.Types.ArrowBatch.Parser.ParseFrom(chunk.ToByteArray());

        Assert.That(parsedWhole.HasChunkIndex, Is.False);
        Assert.That(parsedChunk.HasChunkIndex, Is.True);
        Assert.That(parsedChunk.ChunkIndex, Is.Zero);
        Assert.That(parsedChunk.NumChunksInBatch, Is.EqualTo(2));
    }
}
