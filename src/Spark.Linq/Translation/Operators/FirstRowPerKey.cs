using Spark.Connect.Protocol;
using Spark.Linq.Plans;
using SortOrder = Spark.Connect.Protocol.Expression.Types.SortOrder;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// The first row of each key in a given order, as EF Core translates a top-1 per group:
/// <c>row_number() OVER (PARTITION BY keys ORDER BY order)</c> as a column, a filter on 1, and the column
/// dropped again. Used by <c>DistinctBy</c> under an ordering and by <c>g.OrderBy(…).First()</c> per group.
/// </summary>
internal static class FirstRowPerKey
{
    /// <summary>The helper column; dropped before anything reads the rows.</summary>
    public const string RowNumberColumn = "_row_number";

    /// <summary>The rows of <paramref name="input"/> that come first for their key under <paramref name="order"/> (which must not be empty: Spark requires an ordered window).</summary>
    public static Relation Keep(TranslationContext context, Relation input, IEnumerable<SparkExpression> keys, IEnumerable<SortOrder> order)
    {
        var window = new SparkExpression.Types.Window { WindowFunction = Expr.Fn("row_number") };
        window.PartitionSpec.AddRange(keys);
        window.OrderSpec.AddRange(order);
        var numbered = context.Rel.Project(input, [Expr.Star(), Expr.Alias(new SparkExpression { Window = window }, RowNumberColumn)]);
        var first = context.Rel.Filter(numbered, Expr.Fn("==", Expr.Col(RowNumberColumn), Expr.Lit(1)));
        return context.Rel.Drop(first, [RowNumberColumn]);
    }
}
