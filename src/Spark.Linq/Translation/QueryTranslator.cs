using System.Linq.Expressions;
using Spark.Linq.Query;
using Spark.Linq.Translation.Operators;

namespace Spark.Linq.Translation;

/// <summary>
/// Translates a whole query: walks the chain of Queryable calls from the root outwards, one small
/// translator per operator. Terminal operators (First, Count, Sum, …) decide how the result is read.
/// </summary>
internal static class QueryTranslator
{
    public static TranslatedQuery Translate(TranslationContext context, Expression query)
    {
        using var finalSelect = ClientEvaluation.FinalSelect.Enter(context, query);
        if (query is MethodCallExpression call && IsQueryable(call) && TerminalOperators.Handles(call.Method.Name))
        {
            var source = TranslateSequence(context, call.Arguments[0]);
            if (!AggregateOperators.Handles(call.Method.Name)) RejectGroups(context, call, source);
            var translated = TerminalOperators.Translate(context, source, call);
            if (context.HasScalarSubqueries)
                throw new SparkTranslationException(ExpressionPrinter.Print(call, context.Origins), call.Method.Name,
                    "a subquery aggregate is supported only in Where and Select (and in predicates such as Count(x => …)).",
                    "Compute it in a Select first, or run it as its own query before this one.");
            // Count and Any after a client-evaluated Select count its rows on Spark; the client part never runs.
            return ClientEvaluation.FinalSelect.KeepsRows(call.Method.Name) ? translated with { Client = source.Client } : translated;
        }
        var state = TranslateSequence(context, query);
        RejectGroups(context, query, state);
        state = Joins.InlineRows.Materialize(context, state);
        return new TranslatedQuery(state.Relation, state.Row, QueryResultKind.Sequence, state.Row.ClrType) { Client = state.Client };
    }

    /// <summary>Translates an expression that yields rows (everything but a terminal operator).</summary>
    public static QueryState TranslateSequence(TranslationContext context, Expression expression)
    {
        Query.Depth.StackGuard.Ensure(expression);
        if (expression is SparkRootExpression root)
            return root.Translate(context);
        // (IOrderedQueryable<T>)query, written to call ThenBy on a query that is not ordered.
        if (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert && typeof(IQueryable).IsAssignableFrom(convert.Operand.Type))
            return TranslateSequence(context, convert.Operand);
        if (expression is not MethodCallExpression call || !IsQueryable(call))
            throw context.NotSupported(expression, "only Spark queries (spark.Table<T>(), spark.Sql<T>()) and Queryable operators can be translated here.");

        var previousOperator = context.Operator;
        if (GroupJoinTranslator.IsGroupJoinThenSelectMany(call))
        {
            try
            {
                return GroupJoinTranslator.Translate(context, call);
            }
            finally
            {
                context.Operator = previousOperator;
            }
        }
        try
        {
            if (Grouping.TopRowPerGroupTranslator.TryTranslate(context, call) is { } topRows) return topRows;
        }
        finally
        {
            context.Operator = previousOperator;
        }
        var source = TranslateSequence(context, call.Arguments[0]);
        context.Operator = call.Method.Name;
        try
        {
            var state = call.Method.Name switch
            {
                nameof(Queryable.Where) => WhereTranslator.Translate(context, source, call),
                nameof(Queryable.Select) => SelectTranslator.Translate(context, source, call),
                nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.Order) or nameof(Queryable.OrderDescending)
                    or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending) => OrderByTranslator.Translate(context, source, call),
                nameof(Queryable.Skip) or nameof(Queryable.Take) => SkipTakeTranslator.Translate(context, source, call),
                nameof(Queryable.Distinct) => DistinctTranslator.Translate(context, source, call),
                nameof(Queryable.DistinctBy) => DistinctByTranslator.Translate(context, source, call),
                nameof(Queryable.Zip) => throw context.NotSupported(call,
                    "Zip pairs rows by position, and Spark rows have no position: two Spark queries (or a query and a local collection) don't come back in an order that could be matched row by row.",
                    "Join the two queries on a key instead (Join(other, a => a.Id, b => b.Id, (a, b) => …)); to pair the n-th rows of two orderings, number each side with SparkFunctions.RowNumber(Window.OrderBy(…)) in a Select and join on that number; or call AsEnumerable() on both and Zip on the client."),
                nameof(Queryable.GroupBy) => GroupByTranslator.Translate(context, source, call),
                nameof(Queryable.Concat) or nameof(Queryable.Union) or nameof(Queryable.Intersect) or nameof(Queryable.Except)
                    => SetOperationTranslator.Translate(context, source, call),
                nameof(Queryable.SelectMany) => SelectManyTranslator.Translate(context, source, call),
                nameof(Queryable.Join) or "LeftJoin" or "RightJoin" or "FullJoin" => JoinTranslator.Translate(context, source, call),
                nameof(Queryable.GroupJoin) => GroupJoinAggregateTranslator.Translate(context, source, call),
                _ => throw context.NotSupported(call, $"the operator {call.Method.Name} is not supported by Spark.Linq yet.",
                    "See docs/linq-support.md for the supported operators, or call AsEnumerable() before it to run it on the client."),
            };
            if (context.HasScalarSubqueries)
                throw context.NotSupported(call, "a subquery aggregate is supported only in Where and Select.", "Compute it in a Select first, or run it as its own query before this one.");
            // Only a Sort just built can be extended by ThenBy.
            return OrderByTranslator.IsOrderBy(call.Method.Name) ? state : state with { SortInput = null };
        }
        catch (SparkTranslationException e) when (ClientEvaluation.FinalSelect.Explain(context, call, e) is { } explained)
        {
            throw explained;
        }
        finally
        {
            context.Operator = previousOperator;
        }
    }

    /// <summary>Groups themselves can't be read back: each is a key plus rows, not one row.</summary>
    private static void RejectGroups(TranslationContext context, Expression query, QueryState state)
    {
        if (state.Row.Group is null) return;
        context.Operator = nameof(Queryable.GroupBy);
        throw context.NotSupported(query, "the result would be the groups themselves (IGrouping), which can't be read back as rows.",
                "End the query with a Select over the groups, e.g. .Select(g => new { g.Key, Count = g.Count(), Items = g.ToList() }).");
    }

    /// <summary>True if <paramref name="expression"/> is a chain of Queryable operators over a Spark root (not a local IQueryable).</summary>
    public static bool IsSparkQuery(Expression expression) => expression switch
    {
        SparkRootExpression => true,
        UnaryExpression { NodeType: ExpressionType.Convert } convert => IsSparkQuery(convert.Operand),
        MethodCallExpression call when IsQueryable(call) => IsSparkQuery(call.Arguments[0]),
        _ => false,
    };

    /// <summary>A query operator: <see cref="Queryable"/>'s, or the <c>FullJoin</c> Spark.Linq adds in the same form.</summary>
    public static bool IsQueryable(MethodCallExpression call) => call.Method.DeclaringType == typeof(Queryable)
        || call.Method.DeclaringType == typeof(SparkFullJoinOperators) && call.Method.ReturnType.IsAssignableTo(typeof(IQueryable));

    /// <summary>The lambda of a Queryable argument (the compiler wraps it in a Quote node).</summary>
    public static LambdaExpression Lambda(Expression argument) => argument switch
    {
        UnaryExpression { NodeType: ExpressionType.Quote, Operand: LambdaExpression lambda } => lambda,
        LambdaExpression lambda => lambda,
        _ => throw new SparkTranslationException(argument.ToString(), null, "a lambda was expected here."),
    };

    /// <summary>An int argument (Take, Skip, ElementAt), already evaluated on the client.</summary>
    public static int IntArgument(TranslationContext context, Expression argument) =>
        argument is ConstantExpression { Value: int value }
            ? value
            : throw context.NotSupported(argument, "this count must not depend on the rows.", "Compute it before the query.");
}
