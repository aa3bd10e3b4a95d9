using Google.Protobuf;
using Google.Protobuf.Reflection;
using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// The name of a select item holding a subquery inside a call (<c>NOT EXISTS (…)</c>, <c>CAST(EXISTS (…) AS INT)</c>):
/// Spark names the subquery by the outer columns it reads (<c>(NOT exists(c2))</c>), which only resolution knows. The
/// written expression is copied with each such subquery replaced by a name standing for its resolved name, then named
/// as usual.
/// </summary>
internal static class NestedSubqueryNaming
{
    /// <summary>Spark's name for <paramref name="expression"/>, or null when no nested subquery reads outer columns.</summary>
    internal static string? TryName(Expression expression, ResolvedExpression resolved)
    {
        var names = new Dictionary<long, string>();
        Collect(resolved, names);
        return TryName(expression, names);
    }

    /// <summary>Spark's name for <paramref name="expression"/> given the names of its resolved subqueries by plan id, or null when none applies.</summary>
    internal static string? TryName(Expression expression, IReadOnlyDictionary<long, string> names)
    {
        if (names.Count == 0)
            return null;
        if (expression.ExprTypeCase == Expression.ExprTypeOneofCase.SubqueryExpression)
            return names.TryGetValue(expression.SubqueryExpression.PlanId, out var own) ? own : null;
        var copy = expression.Clone();
        Replace(copy, names);
        return ColumnNamer.Name(copy);
    }

    private static void Collect(ResolvedExpression expression, Dictionary<long, string> names)
    {
        PlanComplexity.EnsureStack();
        switch (expression)
        {
            case ResolvedSubquery subquery:
                if (subquery.OuterReferences.Count > 0 && subquery.Source.ExprTypeCase == Expression.ExprTypeOneofCase.SubqueryExpression)
                    names[subquery.Source.SubqueryExpression.PlanId] = ColumnNamer.SubqueryName(subquery.Source.SubqueryExpression, subquery.OuterReferences);
                foreach (var value in subquery.InValues)
                    Collect(value, names);
                break;
            case FunctionExpression function:
                foreach (var argument in function.Arguments)
                    Collect(argument, names);
                break;
            case CastExpression cast:
                Collect(cast.Operand, names);
                break;
            case ExtractExpression extract:
                Collect(extract.Child, names);
                if (extract.Key is { } key)
                    Collect(key, names);
                break;
        }
    }

    // Walks every expression-valued field, so any call shape the namer knows keeps its spelling.
    private static void Replace(IMessage message, IReadOnlyDictionary<long, string> names)
    {
        PlanComplexity.EnsureStack();
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType != FieldType.Message)
                continue;
            if (field.IsRepeated)
            {
                foreach (var item in (System.Collections.IList)field.Accessor.GetValue(message))
                    Visit(item as IMessage, names);
            }
            else if (field.Accessor.HasValue(message))
            {
                Visit(field.Accessor.GetValue(message) as IMessage, names);
            }
        }
    }

    private static void Visit(IMessage? message, IReadOnlyDictionary<long, string> names)
    {
        if (message is Expression { ExprTypeCase: Expression.ExprTypeOneofCase.SubqueryExpression } subquery
            && names.TryGetValue(subquery.SubqueryExpression.PlanId, out var name))
        {
            subquery.UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = SparkQuoted(name) };
            return;
        }
        // A name the parser gave a part of the call (CASE WHEN … END) spells the subquery without its outer columns:
        // the subqueries below it, in order, take their resolved names in it.
        if (message is Expression { ExprTypeCase: Expression.ExprTypeOneofCase.Alias } alias && alias.Alias.Name.Count == 1)
            alias.Alias.Name[0] = Renamed(alias.Alias.Name[0], alias.Alias.Expr, names);
        if (message is not null)
            Replace(message, names);
    }

    private static string Renamed(string name, Expression expression, IReadOnlyDictionary<long, string> names)
    {
        var subqueries = new List<SubqueryExpression>();
        CollectSubqueries(expression, subqueries);
        var text = new System.Text.StringBuilder();
        var cursor = 0;
        foreach (var subquery in subqueries)
        {
            var unresolved = ColumnNamer.SubqueryName(subquery, []);
            var at = name.IndexOf(unresolved, cursor, StringComparison.Ordinal);
            if (at < 0)
                break;
            text.Append(name, cursor, at - cursor).Append(names.TryGetValue(subquery.PlanId, out var resolved) ? resolved : unresolved);
            cursor = at + unresolved.Length;
        }
        return text.Append(name, cursor, name.Length - cursor).ToString();
    }

    private static void CollectSubqueries(IMessage message, List<SubqueryExpression> subqueries)
    {
        PlanComplexity.EnsureStack();
        if (message is Expression { ExprTypeCase: Expression.ExprTypeOneofCase.SubqueryExpression } subquery)
        {
            subqueries.Add(subquery.SubqueryExpression);
            return;
        }
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType != FieldType.Message)
                continue;
            if (field.IsRepeated)
            {
                foreach (var item in (System.Collections.IList)field.Accessor.GetValue(message))
                {
                    if (item is IMessage child)
                        CollectSubqueries(child, subqueries);
                }
            }
            else if (field.Accessor.HasValue(message) && field.Accessor.GetValue(message) is IMessage child)
            {
                CollectSubqueries(child, subqueries);
            }
        }
    }

    // One name part in Spark's identifier quoting, so the namer reads the whole name back as the attribute's name.
    private static string SparkQuoted(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
