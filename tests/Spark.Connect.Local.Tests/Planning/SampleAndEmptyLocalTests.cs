using Spark.Connect;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>df.sample / randomSplit, schema-only LocalRelations, and Spark's text for doubles cast to string.</summary>
public sealed class SampleAndEmptyLocalTests : RelationKindTestBase
{
    private Relation Sample(Relation input, double lower, double upper, long seed, bool withReplacement = false) =>
        New(r => r.Sample = new Sample { Input = input, LowerBound = lower, UpperBound = upper, Seed = seed, WithReplacement = withReplacement });

    private Relation EmptyLocal(string schema) => New(r => r.LocalRelation = new LocalRelation { Schema = schema });

    [Test]
    public void RandomSplit_parts_are_disjoint_and_cover_the_input()
    {
        var parts = new[] { (0.0, 0.25), (0.25, 0.7), (0.7, 1.0) }
            .Select(b => Lines(Sample(Range(200), b.Item1, b.Item2, seed: 42)).ToHashSet()).ToList();
        Assert.That(parts.All(p => p.Count > 0), Is.True);
        Assert.That(parts.Sum(p => p.Count), Is.EqualTo(200));
        Assert.That(parts.SelectMany(p => p).ToHashSet(), Is.EquivalentTo(Enumerable.Range(0, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Test]
    public void The_same_seed_keeps_the_same_rows_and_another_seed_others()
    {
        var first = Lines(Sample(Range(200), 0, 0.5, seed: 7));
        Assert.That(Lines(Sample(Range(200), 0, 0.5, seed: 7)), Is.EqualTo(first));
        Assert.That(Lines(Sample(Range(200), 0, 0.5, seed: 8)), Is.Not.EqualTo(first));
    }

    [Test]
    public void The_seed_is_a_bound_parameter()
    {
        var planned = Plan(Sample(Range(10), 0, 0.5, seed: 987654321987));
        Assert.That(planned.Sql, Does.Not.Contain("987654321987"));
        Assert.That(planned.Parameters.Any(p => p.Long == 987654321987), Is.True);
    }

    [Test]
    public void A_sample_applies_to_what_a_limit_produced() =>
        Assert.That(Lines(Sample(Limit(Range(100), 5), 0, 1, seed: 3)), Is.EqualTo(new[] { "0", "1", "2", "3", "4" }));

    [Test]
    public void Sampling_with_replacement_is_unsupported() =>
        Assert.That(PlanError(Sample(Range(10), 0, 0.5, seed: 1, withReplacement: true)).ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));

    [Test]
    public void Bounds_out_of_order_are_invalid() =>
        Assert.That(PlanError(Sample(Range(10), 0.6, 0.5, seed: 1)).ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE"));

    [Test]
    public void A_json_schema_without_data_is_zero_typed_rows()
    {
        var plan = EmptyLocal("""{"type":"struct","fields":[{"name":"a","type":"integer","nullable":true,"metadata":{}},""" +
            """{"name":"b","type":{"type":"array","elementType":"string","containsNull":true},"nullable":false,"metadata":{}},""" +
            """{"name":"c","type":"decimal(10,2)","nullable":true,"metadata":{}}]}""");
        Assert.That(Lines(plan), Is.Empty);
        Assert.That(Schema(plan), Is.EqualTo(new[] { "a:int?", "b:array<string>", "c:decimal(10,2)?" }));
    }

    [Test]
    public void A_ddl_schema_without_data_is_zero_typed_rows()
    {
        var plan = EmptyLocal("a INT, `b c` STRING NOT NULL, m map<string,bigint>");
        Assert.That(Lines(plan), Is.Empty);
        Assert.That(Schema(plan), Is.EqualTo(new[] { "a:int?", "b c:string", "m:map<string,bigint>?" }));
        Assert.That(Columns(plan), Is.EqualTo(new[] { "a", "b c", "m" }));
    }

    [Test]
    public void An_empty_local_relation_feeds_the_relations_above_it() =>
        Assert.That(Lines(Project(EmptyLocal("x DOUBLE"), Fn("count", Col("x")))), Is.EqualTo(new[] { "0" }));

    [Test]
    public void An_unreadable_schema_is_an_invalid_local_relation() =>
        Assert.That(PlanError(EmptyLocal("a WIDGET")).ErrorClass, Is.EqualTo("INVALID_LOCAL_RELATION"));

    [TestCase(1e10, "1.0E10")]
    [TestCase(0.0001, "1.0E-4")]
    [TestCase(0.001, "0.001")]
    [TestCase(9999999.0, "9999999.0")]
    [TestCase(12345678.9, "1.23456789E7")]
    [TestCase(-2.5e-10, "-2.5E-10")]
    [TestCase(250.0, "250.0")]
    [TestCase(double.NaN, "NaN")]
    [TestCase(double.NegativeInfinity, "-Infinity")]
    public void Doubles_cast_to_string_as_Spark_writes_them(double value, string expected)
    {
        var cast = new Expression { Cast = new Expression.Types.Cast { Expr = Lit(value), Type = new DataType { String = new() } } };
        Assert.That(Lines(Project(Range(1), cast)), Is.EqualTo(new[] { expected }));
    }
}
