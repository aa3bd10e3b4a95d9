using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Expressions;
using Spark.Linq.Translation.Grouping;
using Spark.Linq.Translation.Joins;
using JoinType = Spark.Connect.Protocol.Join.Types.JoinType;

namespace Spark.Linq.Translation.Operators;

/// <summary>
/// SelectMany, other than flattening a GroupJoin (see <see cref="GroupJoinTranslator"/>):
/// <list type="bullet">
/// <item><c>from a in A from b in B</c> → a cross <c>Join</c>; <c>from b in B.Where(b =&gt; b.X == a.X)</c> → an
/// inner Join on that condition. The inner query must not otherwise read <c>a</c>.</item>
/// <item><c>from o in orders from item in o.Items</c> (an array column) → <c>explode</c> in a Project
/// next to the row's columns; <c>o.Items.DefaultIfEmpty()</c> → <c>explode_outer</c>, which keeps rows
/// with no items (as one null item, as LINQ's DefaultIfEmpty does).</item>
/// </list>
/// </summary>
internal static class SelectManyTranslator
{
    public static QueryState Translate(TranslationContext context, QueryState source, MethodCallExpression call)
    {
        var collection = QueryTranslator.Lambda(call.Arguments[1]);
        if (collection.Parameters.Count != 1)
            throw context.NotSupported(call, "the overload of SelectMany with a row index has no Spark equivalent.");
        var resultSelector = call.Arguments.Count > 2 ? QueryTranslator.Lambda(call.Arguments[2]) : null;
        if (source.Row.Group is not null)
            throw context.NotSupported(call, "SelectMany over the groups of a GroupBy can't be translated.", "Select from the groups first (g.ToList() collects their elements).");

        var (body, conditions) = PeelWhere(collection.Body);
        if (QueryTranslator.IsSparkQuery(body))
            return Join(context, source, call, collection, body, conditions, resultSelector);
        return Explode(context, source, call, collection, resultSelector);
    }

    private static (Expression Query, List<LambdaExpression> Conditions) PeelWhere(Expression body)
    {
        var conditions = new List<LambdaExpression>();
        while (body is MethodCallExpression { Method.Name: nameof(Queryable.Where) } where && QueryTranslator.IsQueryable(where)
               && QueryTranslator.Lambda(where.Arguments[1]) is { Parameters.Count: 1 } predicate)
        {
            conditions.Insert(0, predicate);
            body = where.Arguments[0];
        }
        return (body, conditions);
    }

    private static QueryState Join(TranslationContext context, QueryState source, MethodCallExpression call, LambdaExpression collection,
        Expression innerQuery, List<LambdaExpression> conditions, LambdaExpression? resultSelector)
    {
        var left = JoinSide.Prepare(context, source, collection.Parameters[0].Name, call.Arguments[0]);
        var innerName = resultSelector?.Parameters[1].Name ?? conditions.FirstOrDefault()?.Parameters[0].Name;
        QueryState right;
        // The outer row is unbound while the inner query translates: a reference to it there (other than in the peeled Where) is an error.
        right = JoinSide.PrepareRight(context, QueryTranslator.TranslateSequence(context, innerQuery), innerName, innerQuery);
        Spark.Connect.Protocol.Expression? condition = null;
        using (context.Bind(collection.Parameters[0], left.Row))
        {
            foreach (var predicate in conditions)
            {
                using var inner = context.Bind(predicate.Parameters[0], right.Row);
                var test = ScalarTranslator.TranslatePredicate(context, predicate.Body).Expression;
                condition = condition is null ? test : Expr.Fn("and", condition, test);
            }
        }
        var relation = context.Rel.Join(left.Relation, right.Relation, condition, condition is null ? JoinType.Cross : JoinType.Inner);
        return Result(context, relation, left.Row, right.Row, resultSelector);
    }

    private static QueryState Explode(TranslationContext context, QueryState source, MethodCallExpression call, LambdaExpression collection, LambdaExpression? resultSelector)
    {
        var body = collection.Body;
        var outer = false;
        if (body is MethodCallExpression { Method.Name: nameof(Enumerable.DefaultIfEmpty), Arguments.Count: 1 } defaultIfEmpty && defaultIfEmpty.Method.DeclaringType == typeof(Enumerable))
            (outer, body) = (true, defaultIfEmpty.Arguments[0]);
        var elementType = ElementType(body.Type);
        if (elementType is null || !TypeClassifier.IsCollection(body.Type))
            throw context.NotSupported(collection.Body, "SelectMany needs an array or list column, or another Spark query.",
                "Select from an array column (from item in o.Items), or from another query (from c in customers).");
        SparkValue array;
        using (context.Bind(collection.Parameters[0], source.Row))
            array = ScalarTranslator.Translate(context, body);

        var column = ExplodedColumn(context, source.Row, resultSelector?.Parameters[1].Name);
        var relation = context.Rel.Project(source.Relation, [Expr.Star(), Expr.Alias(Expr.Fn(outer ? "explode_outer" : "explode", array.Expression), column)]);
        var reference = Expr.Col(column);
        var element = TypeClassifier.IsStructured(elementType)
            ? ValueShape.Entity(elementType, context.Naming, reference, field => Expr.Extract(reference, field)).Optional(reference)
            : ValueShape.Scalar(reference, elementType);
        return Result(context, relation, source.Row, element, resultSelector);
    }

    private static QueryState Result(TranslationContext context, Spark.Connect.Protocol.Relation relation, ValueShape outer, ValueShape element, LambdaExpression? resultSelector)
    {
        if (resultSelector is null) return new QueryState(relation, element) { Inline = true };
        using var outerScope = context.Bind(resultSelector.Parameters[0], outer);
        using var elementScope = context.Bind(resultSelector.Parameters[1], element);
        return InlineRows.Result(context, relation, () => InlineShape.Of(context, resultSelector.Body));
    }

    // Named after the range variable (item), kept apart from the row's own columns.
    private static string ExplodedColumn(TranslationContext context, ValueShape row, string? name)
    {
        var taken = new HashSet<string>(row.MemberNames, StringComparer.OrdinalIgnoreCase);
        string column;
        do column = context.NewAlias(name ?? "element");
        while (taken.Contains(column));
        return column;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
