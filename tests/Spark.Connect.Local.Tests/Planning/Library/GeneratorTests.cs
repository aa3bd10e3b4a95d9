using Spark.Connect.Local.Planning;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// The generators that yield several columns, as a select list's only generator. Expected rows and column names are
/// the examples of Spark's <c>ExpressionDescription</c>s in <c>generators.scala</c> (<c>posexplode(array(10, 20))</c> →
/// (0, 10), (1, 20); <c>stack(2, 1, 2, 3)</c> → (1, 2), (3, NULL); <c>json_tuple('{"a":1, "b":2}', 'a', 'b')</c> → (1, 2))
/// and the analyzed output names of Spark's golden plans (<c>pos</c>, <c>col</c>, <c>key</c>, <c>value</c>, <c>col0</c>, <c>c0</c>).
/// </summary>
public sealed class GeneratorTests : LibraryTestBase
{
    private static Expression Array(params Expression[] values) => Fn("array", values);

    private static Expression Empty => Fn("array_remove", Array(Lit(1)), Lit(1));

    private static Expression Aliases(Expression expression, params string[] names)
    {
        var alias = new Expression.Types.Alias { Expr = expression };
        alias.Name.AddRange(names);
        return new Expression { Alias = alias };
    }

    private List<string> Rows(Expression generator) => Lines(Project(Table("t"), generator));

    private List<string> Names(Expression generator) =>
        Plan(Project(Table("t"), generator)).Schema!.Struct.Fields.Select(f => f.Name).ToList();

    [Test]
    public void Posexplode_gives_the_position_and_the_element()
    {
        var generator = Fn("posexplode", Array(Lit(10), Lit(20)));
        Assert.That(Rows(generator), Is.EqualTo(new[] { "0|10", "1|20" }));
        Assert.That(Names(generator), Is.EqualTo(new[] { "pos", "col" }));
        var pos = Plan(Project(Table("t"), generator)).Schema!.Struct.Fields[0];
        Assert.That((pos.DataType.KindCase, pos.Nullable), Is.EqualTo((DataType.KindOneofCase.Integer, false)), "Spark's pos is a non-null INT");
        Assert.That(Rows(Fn("posexplode", Empty)), Is.Empty);
    }

    [Test]
    public void Posexplode_outer_keeps_an_empty_array_as_one_null_row()
    {
        Assert.That(Rows(Fn("posexplode_outer", Empty)), Is.EqualTo(new[] { "∅|∅" }));
        Assert.That(Rows(Fn("posexplode_outer", Array(Lit("x")))), Is.EqualTo(new[] { "0|x" }));
    }

    [Test]
    public void Explode_names_its_column_col_and_explodes_maps_into_key_and_value()
    {
        Assert.That(Names(Fn("explode", Array(Lit(1)))), Is.EqualTo(new[] { "col" }));
        Assert.That(Rows(Fn("explode", Col("m"))), Is.EqualTo(new[] { "a|1" }));
        Assert.That(Names(Fn("explode", Col("m"))), Is.EqualTo(new[] { "key", "value" }));
        Assert.That(Names(Fn("posexplode", Col("m"))), Is.EqualTo(new[] { "pos", "key", "value" }));
        Assert.That(Rows(Fn("posexplode_outer", Col("m"))), Is.EqualTo(new[] { "0|a|1" }));
    }

    [Test]
    public void An_alias_with_several_names_names_the_columns_and_must_match_their_count()
    {
        Assert.That(Names(Aliases(Fn("posexplode", Array(Lit(1))), "p", "v")), Is.EqualTo(new[] { "p", "v" }));
        Assert.That(Names(Aliases(Fn("explode", Array(Lit(1))), "x")), Is.EqualTo(new[] { "x" }));
        var error = Error(Aliases(Fn("posexplode", Array(Lit(1))), "a", "b", "c"));
        Assert.That((error.ErrorClass, error.MessageParameters["aliasesSize"]), Is.EqualTo(("UDTF_ALIAS_NUMBER_MISMATCH", "2")));
    }

    [Test]
    public void Inline_makes_one_column_per_struct_field()
    {
        // Spark's example: inline(array(struct(1, 'a'), struct(2, 'b'))) → (1, a), (2, b) in columns col1, col2.
        var structs = Array(Fn("struct", Lit(1), Lit("a")), Fn("struct", Lit(2), Lit("b")));
        Assert.That(Rows(Fn("inline", structs)), Is.EqualTo(new[] { "1|a", "2|b" }));
        Assert.That(Names(Fn("inline", structs)), Is.EqualTo(new[] { "col1", "col2" }));
        Assert.That(Rows(Fn("inline_outer", Fn("filter", structs, Lambda()))), Is.EqualTo(new[] { "∅|∅" }));
        Assert.That(Error(Fn("inline", Array(Lit(1)))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
    }

    // x -> false: filters every element out.
    private static Expression Lambda()
    {
        var lambda = new Expression.Types.LambdaFunction { Function = Lit(new Expression.Types.Literal { Boolean = false }) };
        lambda.Arguments.Add(new Expression.Types.UnresolvedNamedLambdaVariable { NameParts = { "x" } });
        return new Expression { LambdaFunction = lambda };
    }

    [Test]
    public void Stack_fills_rows_of_n_columns_padding_the_last_with_nulls()
    {
        var generator = Fn("stack", Lit(2), Lit(1), Lit(2), Lit(3));
        Assert.That(Rows(generator), Is.EqualTo(new[] { "1|2", "3|∅" }));
        Assert.That(Names(generator), Is.EqualTo(new[] { "col0", "col1" }));
        Assert.That(Error(Fn("stack", Lit(2), Lit(1), Lit("x"), Lit("y"))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES"));
        Assert.That(Error(Fn("stack", Col("i"), Lit(1))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT"));
    }

    [Test]
    public void Json_tuple_reads_top_level_fields_as_text()
    {
        var generator = Fn("json_tuple", Lit("{\"a\":1, \"b\":2, \"c\":{\"d\":\"x\"}}"), Lit("a"), Lit("b"), Lit("c"), Lit("z"));
        Assert.That(Rows(generator), Is.EqualTo(new[] { "1|2|{\"d\":\"x\"}|∅" }));
        Assert.That(Names(generator), Is.EqualTo(new[] { "c0", "c1", "c2", "c3" }));
        Assert.That(Rows(Fn("json_tuple", Lit("nope"), Lit("a"))), Is.EqualTo(new[] { "∅" }), "invalid JSON gives one row of nulls");
    }

    [Test]
    public void One_generator_per_select_list_as_spark()
    {
        // DuckDB would unnest both side by side; Spark refuses the select list.
        var error = PlanError(Project(Table("t"), Fn("explode", Array(Lit(1))), Alias(Fn("posexplode", Array(Lit(2))), "p")));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("UNSUPPORTED_GENERATOR.MULTI_GENERATOR", "42K0E")));
        Assert.That(Rows(Fn("explode", Array(Lit(1), Lit(2)))), Has.Count.EqualTo(2));
    }
}
