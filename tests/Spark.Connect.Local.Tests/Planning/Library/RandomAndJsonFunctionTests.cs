using System.Globalization;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// <c>rand</c>/<c>randn</c> (Spark's distributions, not Spark's values: see docs/local-engine.md) and
/// <c>get_json_object</c> (the example of Spark's <c>jsonExpressions.scala</c>: <c>get_json_object('{"a":"b"}', '$.a')</c> is b).
/// </summary>
public sealed class RandomAndJsonFunctionTests : LibraryTestBase
{
    [Test]
    public void Rand_is_uniform_in_zero_to_one_and_randn_standard_normal()
    {
        Exec("CREATE TABLE draws AS SELECT range AS id FROM range(20000)");
        var uniform = Lines(Aggregate(Project(Table("draws"), Alias(Fn("rand", Lit(42)), "u")), [],
            Fn("min", Col("u")), Fn("max", Col("u")), Fn("avg", Col("u")))).Single().Split('|').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.That(uniform[0], Is.GreaterThanOrEqualTo(0.0));
        Assert.That(uniform[1], Is.LessThan(1.0));
        Assert.That(uniform[2], Is.EqualTo(0.5).Within(0.02), "the mean of 20,000 uniform draws (σ ≈ 0.002)");
        var normal = Lines(Aggregate(Project(Table("draws"), Alias(Fn("randn"), "z")), [],
            Fn("avg", Col("z")), Fn("stddev", Col("z")))).Single().Split('|').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.That(normal[0], Is.EqualTo(0.0).Within(0.05), "the mean of 20,000 normal draws (σ ≈ 0.007)");
        Assert.That(normal[1], Is.EqualTo(1.0).Within(0.05));
        var field = Field(Fn("rand", Lit(42)));
        Assert.That((field.Name, field.DataType, field.Nullable), Is.EqualTo(("rand(42)", SparkTypes.Double, false)));
        Assert.That(Error(Fn("rand", Col("i"))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT"));
    }

    [Test]
    public void Get_json_object_reads_a_path_and_is_null_for_missing_values_and_bad_json()
    {
        Assert.That(Value(Fn("get_json_object", Lit("{\"a\":\"b\"}"), Lit("$.a"))), Is.EqualTo("b"));
        const string doc = "{\"a\":{\"b\":[1,2,{\"c\":\"x\"}]},\"n\":null,\"k y\":3}";
        Assert.That(Value(Fn("get_json_object", Lit(doc), Lit("$.a.b[2].c"))), Is.EqualTo("x"));
        Assert.That(Value(Fn("get_json_object", Lit(doc), Lit("$.a.b"))), Is.EqualTo("[1,2,{\"c\":\"x\"}]"));
        Assert.That(Value(Fn("get_json_object", Lit(doc), Lit("$['k y']"))), Is.EqualTo("3"));
        Assert.That(Value(Fn("get_json_object", Lit(doc), Lit("$.n"))), Is.EqualTo("∅"));
        Assert.That(Value(Fn("get_json_object", Lit(doc), Lit("$.missing"))), Is.EqualTo("∅"));
        Assert.That(Value(Fn("get_json_object", Lit("{broken"), Lit("$.a"))), Is.EqualTo("∅"));
        Assert.That(Value(Fn("get_json_object", Lit(doc), Lit("a"))), Is.EqualTo("∅"), "a path not starting with $");
        Assert.That(Error(Fn("get_json_object", Lit(doc), Lit("$.a.b[*]"))).ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }
}
