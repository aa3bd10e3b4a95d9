namespace Spark.Connect.Local.Tests.Planning.Functions;

public class GeneratorFunctionTests : FunctionTestBase
{
    // One array with a null element, one empty array, one null array.
    private const string Arrays = "(VALUES ([3, NULL, 1]), ([]::INTEGER[]), (NULL::INTEGER[])) t(x)";

    [Test]
    public void Explode_gives_a_row_per_element_and_none_for_empty_or_null_arrays()
    {
        var rows = Generate(Arrays, "explode", Sql("x"));
        Assert.That(rows.Select(r => r.Value), Is.EqualTo(new string?[] { null, "1", "3" }));
        Assert.That(rows.Select(r => r.Type).Distinct(), Is.EqualTo(new[] { "INTEGER" }));
    }

    [Test]
    public void Explode_outer_keeps_empty_and_null_arrays_as_one_null_element()
    {
        var rows = Generate(Arrays, "explode_outer", Sql("x"));
        Assert.That(rows.Select(r => r.Value), Is.EqualTo(new string?[] { null, null, null, "1", "3" }));
        Assert.That(rows.Select(r => r.Type).Distinct(), Is.EqualTo(new[] { "INTEGER" }));
    }

    [Test]
    public void Explode_of_strings_keeps_the_element_type() =>
        Assert.That(Generate("(VALUES (['b', 'a'])) t(x)", "explode", Sql("x")), Is.EqualTo(new[] { new Result("a", "VARCHAR"), new Result("b", "VARCHAR") }));

    [Test]
    public void Explode_of_a_map_or_a_scalar_is_refused_by_name()
    {
        var map = Assert.Throws<Spark.Connect.Local.Planning.LocalEngineException>(() => Generate("(VALUES (MAP {'k': 1})) t(x)", "explode", Sql("x")))!;
        Assert.That(map.Message, Does.Contain("explode of a map"));
        var scalar = Assert.Throws<Spark.Connect.Local.Planning.LocalEngineException>(() => Generate("(VALUES (1)) t(x)", "explode_outer", Sql("x")))!;
        Assert.That(scalar.ErrorClass, Does.StartWith("DATATYPE_MISMATCH"));
    }
}
