using Spark.Connect.Local.Planning.Functions;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>Higher-order functions with lambdas: Spark's answers (nulls, empty arrays, indexes), types and errors.</summary>
public sealed class LambdaFunctionTests : LambdaTestBase
{
    [Test]
    public void Transform_maps_each_element_and_the_index_counts_from_zero()
    {
        var shifted = Fn("transform", Col("xs"), Lambda(Fn("+", Fn("*", Var("x"), Lit(10)), Var("i")), "x", "i"));
        Assert.That(Values(shifted), Is.EqualTo(new[] { "[30, NULL, 12]", "[]", "∅" }));
        Assert.That(TypeOf(shifted), Is.EqualTo(SparkTypes.ArrayOf(SparkTypes.Integer, containsNull: true)));
        var indexes = Fn("transform", Col("ss"), Lambda(Var("i"), "s", "i"));
        Assert.That(Values(indexes), Is.EqualTo(new[] { "[0, 1, 2, 3]", "[]", "∅" }));
        Assert.That(TypeOf(indexes), Is.EqualTo(SparkTypes.ArrayOf(SparkTypes.Integer, containsNull: false)), "the index is a non-null INT");
    }

    [Test]
    public void Filter_keeps_elements_whose_predicate_is_true_and_drops_null_answers()
    {
        Assert.That(Values(Fn("filter", Col("xs"), Lambda(Fn(">", Var("x"), Lit(1)), "x"))), Is.EqualTo(new[] { "[3]", "[]", "∅" }));
        Assert.That(Values(Fn("filter", Col("ss"), Lambda(Fn(">", Var("i"), Lit(1)), "s", "i"))), Is.EqualTo(new[] { "[a, b]", "[]", "∅" }));
    }

    [Test]
    public void Exists_is_true_on_a_match_else_null_when_an_answer_was_null()
    {
        Assert.That(Values(Fn("exists", Col("xs"), Lambda(Fn(">", Var("x"), Lit(2)), "x"))), Is.EqualTo(new[] { "true", "false", "∅" }));
        Assert.That(Values(Fn("exists", Col("xs"), Lambda(Fn(">", Var("x"), Lit(5)), "x"))), Is.EqualTo(new[] { "∅", "false", "∅" }));
        Assert.That(Values(Fn("exists", Col("xs"), Lambda(Fn("isnull", Var("x")), "x"))), Is.EqualTo(new[] { "true", "false", "∅" }));
    }

    [Test]
    public void Forall_is_false_on_a_failure_else_null_when_an_answer_was_null()
    {
        Assert.That(Values(Fn("forall", Col("xs"), Lambda(Fn(">", Var("x"), Lit(2)), "x"))), Is.EqualTo(new[] { "false", "true", "∅" }));
        Assert.That(Values(Fn("forall", Col("xs"), Lambda(Fn(">", Var("x"), Lit(0)), "x"))), Is.EqualTo(new[] { "∅", "true", "∅" }));
    }

    [Test]
    public void Aggregate_folds_from_the_zero_value_and_applies_finish_except_to_a_null_array()
    {
        var sum = Fn("aggregate", Col("xs"), Lit(0L), Lambda(Fn("+", Var("acc"), Fn("coalesce", Var("x"), Lit(0))), "acc", "x"));
        Assert.That(Values(sum), Is.EqualTo(new[] { "4", "0", "∅" }));
        Assert.That(TypeOf(sum), Is.EqualTo(SparkTypes.Long));
        var finished = Fn("aggregate", Col("xs"), Lit(0L), Lambda(Fn("+", Var("acc"), Fn("coalesce", Var("x"), Lit(0))), "acc", "x"),
            Lambda(Fn("coalesce", Fn("*", Var("acc"), Lit(10L)), Lit(-1L)), "acc"));
        Assert.That(Values(finished), Is.EqualTo(new[] { "40", "0", "∅" }), "a null array is null without running finish");
        var lengths = Fn("reduce", Col("ss"), Lit(0), Lambda(Fn("+", Var("acc"), Fn("coalesce", Fn("length", Var("s")), Lit(0))), "acc", "s"));
        Assert.That(Values(lengths), Is.EqualTo(new[] { "3", "0", "∅" }), "the accumulator need not have the elements' type");
    }

    [Test]
    public void Aggregate_can_carry_a_struct_and_finish_it()
    {
        // The average of the present elements: (sum, count) carried along, divided at the end.
        var zero = Fn("named_struct", Lit("s"), Lit(0L), Lit("n"), Lit(0));
        var merge = Lambda(Fn("if", Fn("isnull", Var("x")), Var("acc"),
            Fn("named_struct", Lit("s"), Fn("+", Var("acc", "s"), Var("x")), Lit("n"), Fn("+", Var("acc", "n"), Lit(1)))), "acc", "x");
        var finish = Lambda(Fn("if", Fn("==", Var("acc", "n"), Lit(0)), Lit(new Literal { Null = SparkTypes.Double }), Fn("/", Var("acc", "s"), Var("acc", "n"))), "acc");
        Assert.That(Values(Fn("aggregate", Col("xs"), zero, merge, finish)), Is.EqualTo(new[] { "2.0", "∅", "∅" }));
        // Without the guard, the empty array divides by zero, which ANSI Spark refuses.
        var unguarded = Lambda(Fn("/", Var("acc", "s"), Var("acc", "n")), "acc");
        Assert.That(RunError(Fn("aggregate", Col("xs"), zero, merge, unguarded)).ErrorClass, Is.EqualTo("DIVIDE_BY_ZERO"));
    }

    [Test]
    public void Nested_lambdas_see_their_own_variables_the_outer_ones_and_the_row()
    {
        var inner = Lambda(Fn("*", Var("y"), Fn("+", Col("id"), Fn("size", Var("l")))), "y");
        var outer = Fn("transform", Col("ll"), Lambda(Fn("transform", Var("l"), inner), "l"));
        Assert.That(Values(outer), Is.EqualTo(new[] { "[[3, 6], [6]]", "[]", "∅" }));
        // An aggregate merge that reads the enclosing lambda's variable is refused: DuckDB's list_reduce reads it from
        // the wrong row once several rows share a vector (NestedLambdaCaptureTests).
        var merge = Lambda(Fn("+", Var("a"), Fn("*", Var("y"), Fn("size", Var("l")))), "a", "y");
        var refused = Fn("transform", Col("ll"), Lambda(Fn("aggregate", Var("l"), Lit(0), merge), "l"));
        Assert.That(Assert.Throws<Spark.Connect.Local.Planning.LocalEngineException>(() => Values(refused))!.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public void A_variable_hides_a_column_of_its_name_and_reads_struct_fields_by_its_further_name_parts()
    {
        // Spark resolves lambda variables before columns, for UnresolvedAttribute too (SQL lambdas parse that way).
        Assert.That(Values(Fn("transform", Col("xs"), Lambda(Fn("+", Col("id"), Lit(1)), "id"))), Is.EqualTo(new[] { "[4, NULL, 2]", "[]", "∅" }));
        Assert.That(Values(Fn("transform", Col("ps"), Lambda(Var("p", "v"), "p"))), Is.EqualTo(new[] { "[x, y, NULL]", "[]", "∅" }));
        Assert.That(Values(Fn("transform", Col("ps"), Lambda(Col("p.k"), "p"))), Is.EqualTo(new[] { "[2, NULL, 1]", "[]", "∅" }));
    }

    [Test]
    public void Wrong_lambdas_fail_with_Sparks_error_classes()
    {
        var tooMany = PlanError(Project(Table("arrays"), Fn("transform", Col("xs"), Lambda(Var("x"), "x", "i", "j"))));
        Assert.That(tooMany.ErrorClass, Is.EqualTo("INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH"));
        var duplicate = PlanError(Project(Table("arrays"), Fn("transform", Col("xs"), Lambda(Var("x"), "x", "X"))));
        Assert.That(duplicate.ErrorClass, Is.EqualTo("INVALID_LAMBDA_FUNCTION_CALL.DUPLICATE_ARG_NAMES"));
        var notHigherOrder = PlanError(Project(Table("arrays"), Fn("upper", Lambda(Var("x"), "x"))));
        Assert.That(notHigherOrder.ErrorClass, Is.EqualTo("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION"));
        var unbound = PlanError(Project(Table("arrays"), Fn("transform", Col("xs"), Lambda(Var("y"), "x"))));
        Assert.That(unbound.ErrorClass, Does.StartWith("UNRESOLVED_COLUMN"));
        var notAnArray = PlanError(Project(Table("arrays"), Fn("transform", Col("id"), Lambda(Var("x"), "x"))));
        Assert.That(notAnArray.ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
        var notBoolean = PlanError(Project(Table("arrays"), Fn("filter", Col("xs"), Lambda(Var("x"), "x"))));
        Assert.That(notBoolean.ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
        var mergeType = PlanError(Project(Table("arrays"), Fn("aggregate", Col("xs"), Lit(0), Lambda(Fn("+", Var("a"), Lit(1L)), "a", "x"))));
        Assert.That(mergeType.ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
        Assert.That(mergeType.Message, Does.Contain("merge function"));
        var comparator = PlanError(Project(Table("arrays"), Fn("array_sort", Col("xs"), Lambda(Lit(1L), "l", "r"))));
        Assert.That(comparator.ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE"), "a comparator must return an INT");
        var unknown = PlanError(Project(Table("arrays"), Fn("map_zip_with", Col("m"), Col("m"), Lambda(Var("a"), "k", "a", "b"))));
        Assert.That(unknown.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"), "a Spark higher-order function the engine lacks");
    }

    [Test]
    public void A_lambda_may_read_grouping_columns_of_a_grouped_query()
    {
        var grouped = Aggregate(Table("arrays"), [Col("xs")], Alias(Fn("transform", Col("xs"), Lambda(Fn("*", Var("x"), Lit(2)), "x")), "twice"),
            Alias(Fn("count", Lit(1)), "n"));
        Assert.That(Lines(grouped).Order(), Is.EqualTo(new[] { "[3, NULL, 1]|[6, NULL, 2]|1", "[]|[]|1", "∅|∅|1" }.Order()));
    }
}
