using Spark.Connect.Local.Tests.Planning.Sql;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary><c>withField</c>/<c>dropFields</c> (UpdateFields) over a struct column with a nested struct and a null row.</summary>
public sealed class StructUpdateTests : SparkSqlTestBase
{
    private Relation Source() => Sql("SELECT named_struct('a', 1, 'b', named_struct('c', 2, 'd', 3)) AS s UNION ALL SELECT NULL");

    private static Expression S() => new() { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = "s" } };

    private static Expression Update(string path, Expression? value) =>
        new() { UpdateFields = new Expression.Types.UpdateFields { StructExpression = S(), FieldName = path, ValueExpression = value } };

    private static Expression Int(int value) => new() { Literal = new Expression.Types.Literal { Integer = value } };

    private Relation Select(Expression expression)
    {
        var project = new Project { Input = Source() };
        project.Expressions.Add(new Expression { Alias = new Expression.Types.Alias { Expr = expression, Name = { "r" } } });
        return New(r => r.Project = project);
    }

    [Test]
    public void With_field_replaces_an_existing_field_in_place_and_appends_a_new_one()
    {
        Assert.That(Lines(Select(Update("a", Int(9)))), Is.EqualTo(new[] { "{'a': 9, 'b': {'c': 2, 'd': 3}}", "∅" }));
        Assert.That(Lines(Select(Update("z", Int(7)))), Is.EqualTo(new[] { "{'a': 1, 'b': {'c': 2, 'd': 3}, 'z': 7}", "∅" }));
    }

    [Test]
    public void A_dotted_path_updates_the_nested_struct()
    {
        Assert.That(Lines(Select(Update("b.c", Int(5)))), Is.EqualTo(new[] { "{'a': 1, 'b': {'c': 5, 'd': 3}}", "∅" }));
        Assert.That(Lines(Select(Update("b.d", null))), Is.EqualTo(new[] { "{'a': 1, 'b': {'c': 2}}", "∅" }));
    }

    [Test]
    public void Drop_fields_leaves_the_field_out_and_refuses_to_empty_the_struct()
    {
        Assert.That(Lines(Select(Update("a", null))), Is.EqualTo(new[] { "{'b': {'c': 2, 'd': 3}}", "∅" }));
        var both = new Expression { UpdateFields = new Expression.Types.UpdateFields { StructExpression = Update("a", null), FieldName = "b" } };
        Assert.That(PlanError(Select(both)).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.CANNOT_DROP_ALL_FIELDS"));
    }

    [Test]
    public void A_missing_or_non_struct_intermediate_field_is_an_error()
    {
        Assert.That(PlanError(Select(Update("x.y", Int(1)))).ErrorClass, Is.EqualTo("FIELD_NOT_FOUND"));
        Assert.That(PlanError(Select(Update("a.y", Int(1)))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
    }
}
