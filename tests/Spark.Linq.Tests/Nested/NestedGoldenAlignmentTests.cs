using System.Linq.Expressions;
using Spark.Linq.Tests.Golden;
using SparkExpression = Spark.Connect.Protocol.Expression;
using Kind = Spark.Connect.Protocol.Expression.ExprTypeOneofCase;

namespace Spark.Linq.Tests.Nested;

/// <summary>
/// Our array, lambda and map expressions against the official Scala client's goldens for the same functions: function
/// names, argument kinds, lambda arities and how variables are used (named by position, since names are fresh per client).
/// </summary>
public class NestedGoldenAlignmentTests : NestedPlanTestBase
{
    private static readonly Dictionary<string, Expression<Func<Cart, object?>>> Same = new()
    {
        ["function_transform"] = c => c.Counts.Select(x => x + 1),
        ["function_transform_with_index"] = c => c.Counts.Select((x, i) => x + i),
        ["function_exists"] = c => c.Counts.Any(x => x > 10),
        ["function_forall"] = c => c.Counts.All(x => x > 10),
        ["function_filter"] = c => c.Counts.Where(x => x > 10),
        ["function_filter_with_pair_input"] = c => c.Counts.Where((x, i) => x > 10 && i > 2),
        ["function_array_contains"] = c => c.Counts.Contains(1),
        ["function_array_distinct"] = c => c.Counts.Distinct(),
        ["function_array_union"] = c => c.Counts.Union(new[] { 1, 2, 3 }),
        ["function_array_intersect"] = c => c.Counts.Intersect(new[] { 10, 4 }),
        ["function_array_except"] = c => c.Counts.Except(new[] { 1, 2, 4 }),
        ["function_array_max"] = c => c.Maybe.Max(),
        ["function_array_min"] = c => c.Maybe.Min(),
        ["function_size"] = c => c.Stock.Count,
        ["function_map_keys"] = c => c.Stock.Keys,
        ["function_map_values"] = c => c.Stock.Values,
        ["function_map_contains_key"] = c => c.Stock.ContainsKey("xyz"),
        ["function_array_join_with_null_replacement"] = c => string.Join(";", c.Items),
        ["function_slice"] = c => c.Counts.Take(5),
        ["function_reverse"] = c => c.Counts.AsEnumerable().Reverse(),
        ["function_map_filter"] = c => c.Stock.Where(kv => kv.Key.Contains("baz")).ToDictionary(kv => kv.Key, kv => kv.Value),
    };

    public static IEnumerable<string> SameNames => Same.Keys;

    private SparkExpression Ours(Expression<Func<Cart, object?>> selector) => Expression(selector);

    [TestCaseSource(nameof(SameNames))]
    public void Same_functions_argument_kinds_and_lambdas_as_the_official_client(string golden) =>
        Assert.That(LambdaSignature.Of(Ours(Same[golden])), Is.EqualTo(Goldens.OurSpelling(LambdaSignature.Of(Goldens.Projected(golden)))));

    [Test]
    public void Sum_is_the_official_aggregate_without_its_identity_finish()
    {
        // The Scala client always sends a finish function (identity by default); Spark's own default is the same identity.
        var golden = Goldens.Projected("function_aggregate").UnresolvedFunction;
        var ours = Ours(c => c.Counts.Sum()).UnresolvedFunction;
        Assert.That(golden.Arguments, Has.Count.EqualTo(4));
        Assert.That(LambdaSignature.Of(golden.Arguments[3]), Is.EqualTo("lambda[1](v0)"), "the golden's finish is the identity");
        Assert.That(ours.Arguments, Has.Count.EqualTo(3));
        Assert.That(ours.FunctionName, Is.EqualTo(golden.FunctionName));
        Assert.That(ours.Arguments.Select(LambdaSignature.Of), Is.EqualTo(golden.Arguments.Take(3).Select(LambdaSignature.Of)));
    }

    [Test]
    public void A_finish_function_is_a_fourth_lambda_as_in_the_official_client()
    {
        var golden = Goldens.Projected("function_aggregate_with_finish_lambda").UnresolvedFunction;
        var ours = Ours(c => c.Counts.Average()).UnresolvedFunction;
        Assert.That(ours.FunctionName, Is.EqualTo(golden.FunctionName));
        Assert.That(ours.Arguments.Select(a => a.ExprTypeCase), Is.EqualTo(new[] { Kind.UnresolvedAttribute, Kind.UnresolvedFunction, Kind.LambdaFunction, Kind.LambdaFunction }));
        Assert.That(golden.Arguments.Skip(2).Select(a => a.LambdaFunction.Arguments.Count), Is.EqualTo(ours.Arguments.Skip(2).Select(a => a.LambdaFunction.Arguments.Count)));
    }

    [Test]
    public void Ordering_is_the_official_sort_array_with_the_direction_left_to_its_default()
    {
        var golden = Goldens.Projected("function_sort_array").UnresolvedFunction;
        Assert.That(golden.Arguments[1].Literal.Boolean, Is.True);
        Assert.That(LambdaSignature.Of(Ours(c => c.Counts.OrderBy(x => x))), Is.EqualTo($"{golden.FunctionName}(col)"));
        Assert.That(LambdaSignature.Of(Ours(c => c.Counts.OrderByDescending(x => x))), Is.EqualTo($"{golden.FunctionName}(col, lit:Boolean)"));
    }

    [TestCase("function_array_position", "array_position")]
    [TestCase("function_map_entries", "map_entries")]
    public void The_official_call_is_the_core_of_ours(string golden, string function)
    {
        // IndexOf is array_position - 1 (C# counts from 0); a predicate over a dictionary's entries reads map_entries.
        var ours = golden == "function_array_position" ? Ours(c => c.Counts.IndexOf(10)) : Ours(c => c.Stock.Any(kv => kv.Value > 1));
        Assert.That(LambdaSignature.Of(Goldens.FindFunction(ours, function)!), Is.EqualTo(LambdaSignature.Of(Goldens.Projected(golden))));
    }

    [Test]
    public void Zip_is_the_official_zip_with_over_arrays_cut_to_the_shorter_length()
    {
        var golden = Goldens.Projected("function_zip_with").UnresolvedFunction;
        var ours = Ours(c => c.Counts.Zip(c.Counts, (x, y) => x + y)).UnresolvedFunction;
        Assert.That(ours.FunctionName, Is.EqualTo(golden.FunctionName));
        Assert.That(LambdaSignature.Of(ours.Arguments[2]), Is.EqualTo(LambdaSignature.Of(golden.Arguments[2])));
        Assert.That(ours.Arguments.Take(2).Select(a => a.UnresolvedFunction.FunctionName), Is.EqualTo(new[] { "slice", "slice" }),
            "LINQ stops at the shorter array where zip_with pads with nulls");
    }

    [TestCase("function_transform_values")]
    [TestCase("function_transform_keys")]
    public void Dictionary_projections_are_the_official_map_functions_with_a_key_value_lambda(string golden)
    {
        var official = Goldens.Projected(golden).UnresolvedFunction;
        var ours = golden == "function_transform_values"
            ? Ours(c => c.Stock.ToDictionary(kv => kv.Key, kv => kv.Value + 1)).UnresolvedFunction
            : Ours(c => c.Stock.ToDictionary(kv => kv.Key + "!", kv => kv.Value)).UnresolvedFunction;
        Assert.That(ours.FunctionName, Is.EqualTo(official.FunctionName));
        Assert.That(ours.Arguments.Select(a => a.ExprTypeCase), Is.EqualTo(official.Arguments.Select(a => a.ExprTypeCase)));
        Assert.That(ours.Arguments[1].LambdaFunction.Arguments, Has.Count.EqualTo(official.Arguments[1].LambdaFunction.Arguments.Count));
    }

    [TestCase("function_array_max", "array_max")]
    [TestCase("function_element_at", "element_at")]
    [TestCase("function_get", "get")]
    [TestCase("function_raise_error", "raise_error")]
    public void Where_csharp_throws_the_official_call_sits_under_a_guard(string golden, string function)
    {
        // Max of an empty int[], a missing dictionary key, an index outside the array and First of nothing throw in C#:
        // the official call is made only when C# would not throw, raise_error (with C#'s message) otherwise.
        var ours = golden switch
        {
            "function_array_max" => Ours(c => c.Counts.Max()),
            "function_element_at" => Ours(c => c.Stock["bob"]),
            "function_get" => Ours(c => c.Counts[2]),
            _ => Ours(c => c.Counts.First()),
        };
        Assert.That(ours.UnresolvedFunction.FunctionName, Is.EqualTo("if"));
        Assert.That(LambdaSignature.Of(Goldens.FindFunction(ours, function)!), Is.EqualTo(LambdaSignature.Of(Goldens.Projected(golden))));
    }
}

/// <summary>
/// <see cref="Goldens.Signature"/> extended to lambdas: <c>lambda[n](body)</c>, with variables written <c>v0</c>, <c>v1</c>…
/// in the order the lambdas declare them, so fresh names (<c>x_1</c>, <c>y_2</c>) compare by role.
/// </summary>
internal static class LambdaSignature
{
    public static string Of(SparkExpression e) => Of(e, new Dictionary<string, string>());

    private static string Of(SparkExpression e, Dictionary<string, string> variables) => e.ExprTypeCase switch
    {
        Kind.UnresolvedFunction => $"{e.UnresolvedFunction.FunctionName.ToLowerInvariant()}({string.Join(", ", e.UnresolvedFunction.Arguments.Select(a => Of(a, variables)))})",
        Kind.UnresolvedAttribute => "col",
        Kind.Literal => "lit:" + e.Literal.LiteralTypeCase,
        Kind.Cast => $"cast({Of(e.Cast.Expr, variables)} as {e.Cast.Type.KindCase})",
        Kind.UnresolvedExtractValue => $"{Of(e.UnresolvedExtractValue.Child, variables)}[{Of(e.UnresolvedExtractValue.Extraction, variables)}]",
        Kind.LambdaFunction => Lambda(e.LambdaFunction, variables),
        Kind.UnresolvedNamedLambdaVariable => variables.GetValueOrDefault(string.Join(".", e.UnresolvedNamedLambdaVariable.NameParts), "unbound"),
        _ => e.ExprTypeCase.ToString(),
    };

    private static string Lambda(SparkExpression.Types.LambdaFunction lambda, Dictionary<string, string> variables)
    {
        foreach (var argument in lambda.Arguments)
            variables[string.Join(".", argument.NameParts)] = "v" + lambda.Arguments.IndexOf(argument);
        return $"lambda[{lambda.Arguments.Count}]({Of(lambda.Function, variables)})";
    }
}
