namespace Spark.Connect.Local.Tests.Server;

/// <summary>
/// Spark lets a column be called "" (PySpark's and the .NET client's melt/unpivot with empty names, an alias of ""),
/// which DuckDB refuses as a zero-length identifier: the engine spells such names reversibly for DuckDB and the client
/// gets "" back, in the Arrow schema and in the analyzed schema.
/// </summary>
public sealed class EmptyColumnNameTests : LocalServerTestBase
{
    private static Relation Range() => new() { Range = new Spark.Connect.Protocol.Range { Start = 0, End = 2, Step = 1 } };

    private static Expression Col(string name) => new() { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = name } };

    [Test]
    public async Task An_alias_of_the_empty_name_comes_back_as_the_empty_name()
    {
        var client = NewClient();
        var project = new Project { Input = Range() };
        project.Expressions.Add(new Expression { Alias = new Expression.Types.Alias { Expr = Col("id"), Name = { "" } } });
        project.Expressions.Add(new Expression { Alias = new Expression.Types.Alias { Expr = Col("id"), Name = { "\uFFFFx" } } });
        var plan = new Plan { Root = new Relation { Project = project } };

        var responses = await CollectAsync(client.ExecutePlanAsync(plan));
        var schema = await client.SchemaAsync(plan);

        Assert.That(SchemaOf(responses).Fields.Select(f => f.Name), Is.EqualTo(new[] { "", "\uFFFFx" }), "a name that already starts with the marker survives too");
        Assert.That(schema.Struct.Fields.Select(f => f.Name), Is.EqualTo(new[] { "", "\uFFFFx" }));
        Assert.That(Rows(responses).Select(r => r[0]), Is.EqualTo(new object[] { 0L, 1L }));
    }

    [Test]
    public async Task Unpivot_with_empty_variable_and_value_names_runs_as_in_spark()
    {
        var client = NewClient();
        var project = new Project { Input = Range() };
        project.Expressions.Add(Col("id"));
        project.Expressions.Add(new Expression { Alias = new Expression.Types.Alias { Expr = Col("id"), Name = { "a" } } });
        var unpivot = new Unpivot { Input = new Relation { Project = project }, VariableColumnName = "", ValueColumnName = "" };
        unpivot.Ids.Add(Col("id"));
        unpivot.Values = new Unpivot.Types.Values();
        unpivot.Values.Values_.Add(Col("a"));

        var responses = await CollectAsync(client.ExecutePlanAsync(new Plan { Root = new Relation { Unpivot = unpivot } }));

        Assert.That(SchemaOf(responses).Fields.Select(f => f.Name), Is.EqualTo(new[] { "id", "", "" }));
        Assert.That(Rows(responses), Is.EqualTo(new[] { new object?[] { 0L, "a", 0L }, new object?[] { 1L, "a", 1L } }));
    }
}
