using System.Linq.Expressions;
using Spark.Linq.Plans;
using static Spark.Linq.Tests.Golden.Goldens;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Tests.Golden;

/// <summary>Our expressions against the official clients' for the same operations.</summary>
public class ExpressionAlignmentTests : PlanTestBase
{
    private static readonly Dictionary<string, Expression<Func<Order, object?>>> Cases = new()
    {
        ["column_add"] = o => o.Amount + o.Amount,
        ["column_subtract"] = o => o.Amount - o.Amount,
        ["column_multiply"] = o => o.Amount * o.Amount,
        ["column_divide"] = o => o.Amount / o.Amount,
        ["column_modulo"] = o => o.CustomerId % 10,
        ["column_bitwiseAND"] = o => o.CustomerId & 7,
        ["column_and"] = o => o.CustomerId > 10 && o.Amount < 0.5,
        ["column_or"] = o => o.CustomerId > 10 || o.Amount < 0.5,
        ["column_gt"] = o => o.Amount > o.Amount,
        ["column_geq"] = o => o.Amount >= o.Amount,
        ["column_lt"] = o => o.Amount < o.Amount,
        ["column_leq"] = o => o.Amount <= o.Amount,
        ["column_equals"] = o => o.CustomerId == o.CustomerId,
        ["column_not_equals"] = o => o.CustomerId != o.CustomerId,
        ["column_eqNullSafe"] = o => o.Quantity == o.Quantity,
        ["column_isNull"] = o => o.Note == null,
        ["column_isNotNull"] = o => o.Note != null,
        ["column_contains"] = o => o.Region.Contains("x"),
        ["column_startsWith"] = o => o.Region.StartsWith("x"),
        ["column_endsWith"] = o => o.Region.EndsWith("x"),
        ["column_like"] = o => SparkFunctions.Like(o.Region, "a%"),
        ["function_rlike"] = o => SparkFunctions.RLike(o.Region, "^a"),
        ["column_when_otherwise"] = o => o.CustomerId < 10 ? "low" : o.CustomerId < 20 ? "mid" : "high",
        ["column_cast"] = o => (long)o.Amount,
        ["function_coalesce"] = o => o.Quantity ?? 3,
        ["function_length"] = o => o.Region.Length,
        ["function_lower"] = o => o.Region.ToLower(),
        ["function_upper"] = o => o.Region.ToUpper(),
    };

    public static IEnumerable<string> CaseNames => Cases.Keys;

    private SparkExpression Ours(string golden)
    {
        var selector = Cases[golden];
        var parameter = selector.Parameters[0];
        // Select(o => new { V = <case> }): our expression sits under the alias.
        var body = Expression.New(typeof(Tuple<object?>).GetConstructor([typeof(object)])!, [selector.Body], typeof(Tuple<object?>).GetProperty("Item1")!);
        var projection = Expression.Lambda<Func<Order, Tuple<object?>>>(body, parameter);
        var project = Orders.Select(projection).ToRelation().Project;
        return project.Expressions[0].Alias.Expr;
    }

    [TestCaseSource(nameof(CaseNames))]
    public void Same_functions_and_argument_kinds_as_the_official_client(string golden) =>
        Assert.That(Signature(Ours(golden)), Is.EqualTo(OurSpelling(Signature(Projected(golden)))));

    [Test]
    public void Equality_is_spelled_double_equals_and_negation_not_where_the_official_client_writes_single_equals_and_bang()
    {
        // Intended: "==" and "not" name the same Spark expressions (EqualTo, Not) as "=" and "!" do.
        Assert.That(Projected("column_not_equals").UnresolvedFunction.FunctionName, Is.EqualTo("!"));
        Assert.That(Projected("column_not_equals").UnresolvedFunction.Arguments[0].UnresolvedFunction.FunctionName, Is.EqualTo("="));
        var ours = Ours("column_not_equals");
        Assert.That(ours.UnresolvedFunction.FunctionName, Is.EqualTo("not"));
        Assert.That(ours.UnresolvedFunction.Arguments[0].UnresolvedFunction.FunctionName, Is.EqualTo("=="));
    }

    [Test]
    public void Nullable_equality_is_the_official_eqNullSafe() =>
        Assert.That(Ours("column_eqNullSafe"), Is.EqualTo(new SparkExpression
        {
            UnresolvedFunction = new()
            {
                FunctionName = Projected("column_eqNullSafe").UnresolvedFunction.FunctionName,
                Arguments = { Expr.Col("Quantity"), Expr.Col("Quantity") },
            },
        }));

    [Test]
    public void Contains_on_a_local_array_is_the_official_isin_wrapped_for_csharp_nulls()
    {
        // C#: a null Region is simply not in the list (false); Spark's in() gives null, so we add coalesce(…, false).
        var ours = Orders.Select(o => new { V = new[] { "hello", "world", "foo" }.Contains(o.Region) }).ToRelation().Project.Expressions[0].Alias.Expr;
        var golden = Projected("column_isin");
        Assert.That(Signature(ours), Is.EqualTo($"coalesce({Signature(golden)}, lit:Boolean)"));
        Assert.That(FindFunction(ours, "in")!.UnresolvedFunction.Arguments.Skip(1), Is.EqualTo(golden.UnresolvedFunction.Arguments.Skip(1)), "the same literals in order");
    }

    [Test]
    public void Unary_minus_is_negative_as_in_the_official_client()
    {
        var ours = Orders.Select(o => new { V = -o.CustomerId }).ToRelation().Project.Expressions[0].Alias.Expr;
        Assert.That(ours.UnresolvedFunction.FunctionName, Is.EqualTo(Projected("column_unary_minus").UnresolvedFunction.FunctionName));
    }

    [Test]
    public void Greatest_and_least_use_the_official_names()
    {
        var ours = Orders.Select(o => new { G = SparkFunctions.Greatest(o.CustomerId, 3), L = SparkFunctions.Least(o.CustomerId, 3) }).ToRelation().Project;
        Assert.That(ours.Expressions[0].Alias.Expr.UnresolvedFunction.FunctionName, Is.EqualTo(Projected("function_greatest").UnresolvedFunction.FunctionName));
        Assert.That(ours.Expressions[1].Alias.Expr.UnresolvedFunction.FunctionName, Is.EqualTo(Projected("function_least").UnresolvedFunction.FunctionName));
    }

    [Test]
    public void An_alias_has_one_name_and_no_metadata_like_the_official_alias()
    {
        var golden = Projected("column_alias").Alias;
        var ours = Orders.Select(o => new { b = o.CustomerId }).ToRelation().Project.Expressions[0].Alias;
        Assert.Multiple(() =>
        {
            Assert.That(ours.Name, Is.EqualTo(golden.Name), "b");
            Assert.That(ours.HasMetadata, Is.EqualTo(golden.HasMetadata));
            Assert.That(ours.Expr.ExprTypeCase, Is.EqualTo(golden.Expr.ExprTypeCase));
        });
    }

    [Test]
    public void A_filter_compares_a_long_column_with_a_long_literal_like_the_official_filter()
    {
        var golden = Load("filter").Filter.Condition;
        var ours = Orders.Where(o => o.Id == 10L).ToRelation().Filter.Condition;
        Assert.That(Signature(ours), Is.EqualTo(OurSpelling(Signature(golden))));
        Assert.That(ours.UnresolvedFunction.Arguments[1], Is.EqualTo(golden.UnresolvedFunction.Arguments[1]), "the same long literal 10");
    }
}
