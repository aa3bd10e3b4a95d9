using Spark.Testing;
using Google.Protobuf;
using Spark.Connect;
using Spark.Connect.Protocol;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Tests.Golden;

/// <summary>
/// Reads the official clients' golden plans (<c>tests/Fixtures/spark-golden/queries/*.json</c>) at test time and
/// reduces expressions to comparable signatures. The goldens read LocalRelations and we read tables,
/// so tests compare the parts both produce: function names, argument kinds, literal kinds, aliases, sort keys.
/// </summary>
internal static class Goldens
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static Relation Load(string name)
    {
        var path = RepoPaths.GoldenQuery(name);
        if (!File.Exists(path)) Assert.Fail($"Golden plan {path} not found; copy it into tests/Fixtures as tests/Fixtures/README.md describes.");
        return Parser.Parse<Relation>(File.ReadAllText(path));
    }

    /// <summary>The first projected expression of a golden <c>select(…)</c>.</summary>
    public static SparkExpression Projected(string name, int index = 0) => Load(name).Project.Expressions[index];

    /// <summary>
    /// <c>name(arg, …)</c> with arguments as <c>col</c>, <c>lit:kind</c>, nested calls, <c>cast(… as kind)</c>
    /// or <c>alias(…)</c>. Function names are lower-cased: Spark's function registry ignores case.
    /// </summary>
    public static string Signature(SparkExpression e) => e.ExprTypeCase switch
    {
        SparkExpression.ExprTypeOneofCase.UnresolvedFunction =>
            $"{e.UnresolvedFunction.FunctionName.ToLowerInvariant()}({string.Join(", ", e.UnresolvedFunction.Arguments.Select(Signature))}){(e.UnresolvedFunction.IsDistinct ? " distinct" : "")}",
        SparkExpression.ExprTypeOneofCase.UnresolvedAttribute => "col",
        SparkExpression.ExprTypeOneofCase.Literal => "lit:" + e.Literal.LiteralTypeCase,
        SparkExpression.ExprTypeOneofCase.Alias => $"alias({Signature(e.Alias.Expr)})[{e.Alias.Name.Count}]",
        SparkExpression.ExprTypeOneofCase.Cast => $"cast({Signature(e.Cast.Expr)} as {e.Cast.Type.KindCase})",
        _ => e.ExprTypeCase.ToString(),
    };

    /// <summary>The first call of <paramref name="function"/> in <paramref name="e"/>, depth first.</summary>
    public static SparkExpression? FindFunction(SparkExpression e, string function)
    {
        if (e.ExprTypeCase == SparkExpression.ExprTypeOneofCase.UnresolvedFunction)
        {
            if (e.UnresolvedFunction.FunctionName == function) return e;
            foreach (var argument in e.UnresolvedFunction.Arguments)
            {
                if (FindFunction(argument, function) is { } found) return found;
            }
        }
        return e.ExprTypeCase switch
        {
            SparkExpression.ExprTypeOneofCase.Alias => FindFunction(e.Alias.Expr, function),
            SparkExpression.ExprTypeOneofCase.Cast => FindFunction(e.Cast.Expr, function),
            _ => null,
        };
    }

    /// <summary>
    /// Where our names deliberately differ from the official clients' (both resolve to the same
    /// Spark expression): <c>==</c> for <c>=</c> (EqualTo) and <c>not</c> for <c>!</c> (Not).
    /// </summary>
    public static string OurSpelling(string goldenSignature)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(goldenSignature, @"(^|[(, ])=\(", "$1==(");
        return System.Text.RegularExpressions.Regex.Replace(text, @"(^|[(, ])!\(", "$1not(");
    }
}
