using System.Globalization;
using Spark.Connect.Protocol;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;
using WindowFrame = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame;

namespace Spark.Linq.Testing;

/// <summary>
/// Expressions for plan snapshots, in SQL-like text with C#-spelt literals (<see cref="PlanLiteral.Text"/>) and plan ids
/// renumbered as the snapshot numbers relations. For reading only: never sent anywhere.
/// </summary>
internal sealed class ExpressionText(Func<Literal, PlanLiteral> literals, Func<long, string> planIds)
{
    private static readonly HashSet<string> Infix = ["==", "!=", "<=>", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "and", "or", "&", "|", "^"];

    private static readonly Google.Protobuf.Reflection.OneofDescriptor ExprType = Expression.Descriptor.Oneofs.Single(o => o.Name == "expr_type");

    private RelationText? _generic;

    public string List(IEnumerable<Expression> expressions) => string.Join(", ", expressions.Select(Print));

    public string Literal(Literal literal) => literals(literal).Text;

    public string Print(Expression e)
    {
        // Plans reach here measured (at most MaxPlanDepth levels); the guard covers a limit raised too far.
        Query.Depth.StackGuard.Ensure("a plan expression");
        return e.ExprTypeCase switch
        {
            Expression.ExprTypeOneofCase.Literal => Literal(e.Literal),
            Expression.ExprTypeOneofCase.UnresolvedAttribute => e.UnresolvedAttribute.UnparsedIdentifier
                + (e.UnresolvedAttribute.HasPlanId ? planIds(e.UnresolvedAttribute.PlanId) : string.Empty),
            Expression.ExprTypeOneofCase.UnresolvedFunction => Function(e.UnresolvedFunction.FunctionName, e.UnresolvedFunction.Arguments, e.UnresolvedFunction.IsDistinct),
            Expression.ExprTypeOneofCase.CallFunction => Function(e.CallFunction.FunctionName, e.CallFunction.Arguments, false),
            Expression.ExprTypeOneofCase.Alias => $"{Print(e.Alias.Expr)} AS {string.Join(".", e.Alias.Name)}",
            Expression.ExprTypeOneofCase.Cast => Cast(e.Cast),
            Expression.ExprTypeOneofCase.UnresolvedStar => (e.UnresolvedStar.HasUnparsedTarget ? e.UnresolvedStar.UnparsedTarget : "*")
                + (e.UnresolvedStar.HasPlanId ? planIds(e.UnresolvedStar.PlanId) : string.Empty),
            Expression.ExprTypeOneofCase.UnresolvedExtractValue => $"{Print(e.UnresolvedExtractValue.Child)}[{Print(e.UnresolvedExtractValue.Extraction)}]",
            Expression.ExprTypeOneofCase.SortOrder => Print(e.SortOrder),
            Expression.ExprTypeOneofCase.ExpressionString => e.ExpressionString.Expression,
            Expression.ExprTypeOneofCase.Window => Window(e.Window),
            Expression.ExprTypeOneofCase.LambdaFunction =>
                $"({string.Join(", ", e.LambdaFunction.Arguments.Select(a => string.Join(".", a.NameParts)))}) -> {Print(e.LambdaFunction.Function)}",
            Expression.ExprTypeOneofCase.UnresolvedNamedLambdaVariable => string.Join(".", e.UnresolvedNamedLambdaVariable.NameParts),
            Expression.ExprTypeOneofCase.NamedArgumentExpression => $"{e.NamedArgumentExpression.Key} => {Print(e.NamedArgumentExpression.Value)}",
            Expression.ExprTypeOneofCase.SubqueryExpression => $"{e.SubqueryExpression.SubqueryType} subquery {planIds(e.SubqueryExpression.PlanId)}",
            _ => Generic(e),
        };
    }

    public string Print(Expression.Types.SortOrder order) =>
        $"{Print(order.Child)} {(order.Direction == Expression.Types.SortOrder.Types.SortDirection.Descending ? "DESC" : "ASC")} " +
        (order.NullOrdering == Expression.Types.SortOrder.Types.NullOrdering.SortNullsLast ? "NULLS LAST" : "NULLS FIRST");

    private string Function(string name, IList<Expression> arguments, bool distinct)
    {
        var args = arguments.Select(Print).ToList();
        if (Infix.Contains(name) && args.Count == 2 && !distinct)
            return $"({args[0]} {name switch { "and" => "AND", "or" => "OR", _ => name }} {args[1]})";
        return $"{name}({(distinct ? "DISTINCT " : string.Empty)}{string.Join(", ", args)})";
    }

    private string Cast(Expression.Types.Cast cast)
    {
        var type = cast.CastToTypeCase == Expression.Types.Cast.CastToTypeOneofCase.Type ? SparkTypeNames.Of(cast.Type) : cast.TypeStr;
        var function = cast.EvalMode == Expression.Types.Cast.Types.EvalMode.Try ? "TRY_CAST" : "CAST";
        return $"{function}({Print(cast.Expr)} AS {type})";
    }

    private string Window(Expression.Types.Window w)
    {
        var parts = new List<string>();
        if (w.PartitionSpec.Count > 0) parts.Add("PARTITION BY " + List(w.PartitionSpec));
        if (w.OrderSpec.Count > 0) parts.Add("ORDER BY " + string.Join(", ", w.OrderSpec.Select(Print)));
        if (w.FrameSpec is { } frame)
            parts.Add($"{(frame.FrameType == WindowFrame.Types.FrameType.Row ? "ROWS" : "RANGE")} BETWEEN {Bound(frame.Lower, "PRECEDING")} AND {Bound(frame.Upper, "FOLLOWING")}");
        return $"{Print(w.WindowFunction)} OVER ({string.Join(" ", parts)})";
    }

    private string Bound(WindowFrame.Types.FrameBoundary? bound, string unbounded) => bound?.BoundaryCase switch
    {
        WindowFrame.Types.FrameBoundary.BoundaryOneofCase.CurrentRow => "CURRENT ROW",
        WindowFrame.Types.FrameBoundary.BoundaryOneofCase.Unbounded => "UNBOUNDED " + unbounded,
        WindowFrame.Types.FrameBoundary.BoundaryOneofCase.Value => Print(bound.Value),
        _ => "?",
    };

    // Kinds without a spelling of their own (UDFs, update_fields, …) still show every field, so a snapshot never hides a difference.
    private string Generic(Expression e)
    {
        _generic ??= new RelationText(this);
        var field = ExprType.Accessor.GetCaseFieldDescriptor(e);
        var value = field?.Accessor.GetValue(e) as Google.Protobuf.IMessage;
        return "{" + _generic.Generic(e.ExprTypeCase.ToString(), value) + "}";
    }

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
