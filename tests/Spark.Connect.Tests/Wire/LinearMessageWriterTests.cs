using Spark.Testing;
using Google.Protobuf;
using NUnit.Framework;
using Spark.Connect.Wire;
using Range = Spark.Connect.Protocol.Range;

namespace Spark.Connect.Tests.Wire;

/// <summary>
/// The linear writer gives Google.Protobuf's bytes exactly: for every golden plan of Spark's Connect client suite
/// (tests/Fixtures/spark-golden), for values whose defaults and presence decide whether they are written, for maps,
/// for a plan hundreds of levels deep, and (through Google's own writer) for messages that carry unknown fields.
/// </summary>
public sealed class LinearMessageWriterTests
{
    private static readonly JsonParser Json = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private static IEnumerable<string> Goldens() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Fixtures, "spark-golden", "queries"), "*.json").Order(StringComparer.Ordinal);

    [Test]
    public void Every_golden_plan_serializes_to_the_same_bytes_as_google_protobuf()
    {
        var goldens = Goldens().ToList();
        Assert.That(goldens, Has.Count.GreaterThan(200));
        foreach (var path in goldens)
        {
            var relation = Json.Parse<Relation>(File.ReadAllText(path));
            var request = new ExecutePlanRequest { SessionId = "s", Plan = new Plan { Root = relation } };
            Assert.That(LinearMessageWriter.ToByteArray(request), Is.EqualTo(request.ToByteArray()), Path.GetFileName(path));
        }
    }

    [Test]
    public void Defaults_presence_and_maps_are_written_as_google_writes_them()
    {
        var literals = new Expression.Types.Literal[]
        {
            new() { Double = -0.0 }, new() { Double = double.NaN }, new() { Integer = 0 }, new() { Long = long.MinValue },
            new() { String = "" }, new() { Binary = ByteString.Empty }, new() { Boolean = false },
            new() { Decimal = new Expression.Types.Literal.Types.Decimal { Value = "0", Precision = 0 } },
        };
        foreach (var literal in literals)
            Assert.That(LinearMessageWriter.ToByteArray(literal), Is.EqualTo(literal.ToByteArray()), literal.ToString());

        var sql = new SQL { Query = "SELECT :a, :b" };
        sql.Args["a"] = new Expression.Types.Literal { Integer = 0 };
        sql.Args["b"] = new Expression.Types.Literal { String = "x" };
        sql.NamedArguments["c"] = new Expression();
        var read = new Read.Types.DataSource { Format = "csv" };
        read.Options["header"] = "";
        read.Paths.Add("/data");
        foreach (IMessage message in new IMessage[] { sql, read, new Range { Start = 0, End = -1, Step = 1 }, new Sample { LowerBound = -0.0, UpperBound = 0.5 } })
            Assert.That(LinearMessageWriter.ToByteArray(message), Is.EqualTo(message.ToByteArray()), message.GetType().Name);
    }

    [Test]
    public void A_plan_hundreds_of_levels_deep_gives_the_same_bytes()
    {
        var relation = new Relation { Range = new Range { End = 10, Step = 1 } };
        for (var i = 0; i < 300; i++)
        {
            var filter = new Filter { Input = relation, Condition = new Expression { ExpressionString = new Expression.Types.ExpressionString { Expression = "id > " + i } } };
            relation = new Relation { Filter = filter, Common = new RelationCommon { PlanId = i } };
        }
        var plan = new Plan { Root = relation };

        Assert.That(LinearMessageWriter.ToByteArray(plan), Is.EqualTo(plan.ToByteArray()));
    }

    [Test]
    public void A_message_with_unknown_fields_keeps_them()
    {
        // Field 15000 is in no version of Range: parsing keeps it as an unknown field.
        var known = new Range { End = 3, Step = 1 }.ToByteArray();
        var unknown = new byte[] { 0xC0, 0xA9, 0x07, 0x2A };
        var parsed = Range.Parser.ParseFrom([.. known, .. unknown]);

        Assert.That(LinearMessageWriter.ToByteArray(parsed), Is.EqualTo(parsed.ToByteArray()));
        Assert.That(LinearMessageWriter.ToByteArray(parsed).Length, Is.EqualTo(known.Length + unknown.Length));
    }
}
