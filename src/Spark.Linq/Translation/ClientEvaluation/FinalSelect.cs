using System.Linq.Expressions;
using Spark.Linq.Translation.Operators;

namespace Spark.Linq.Translation.ClientEvaluation;

/// <summary>
/// Client evaluation in the final projection, as EF Core does it: the last Select of a query may call
/// methods Spark can't run, because its results go straight to the caller. Only Skip, Take and
/// terminal operators that keep rows (First, Single, ElementAt, Last) or only count them (Count,
/// LongCount, Any, all without a predicate) may follow it. Everywhere else a method Spark can't run
/// is an error, which says where it could go instead.
/// </summary>
internal static class FinalSelect
{
    private static readonly HashSet<string> RowTerminals =
        ["First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault"];

    private static readonly HashSet<string> CountingTerminals = ["Count", "LongCount", "Any"];

    private const string Rule = "Only the query's final Select (followed by nothing but Skip, Take, First, Single, ElementAt, Last, Count or Any) " +
        "may call methods Spark can't run: there they run on the client, for each row.";

    /// <summary>
    /// Marks the Select whose rows <paramref name="query"/> returns (or keeps or counts, for a terminal
    /// operator) for client evaluation, until the returned scope ends; nested queries mark their own.
    /// </summary>
    public static IDisposable Enter(TranslationContext context, Expression query)
    {
        var previous = (context.ClientSelect, context.BlockedSelect);
        context.ClientSelect = null;
        context.BlockedSelect = null;
        if (query is MethodCallExpression call && QueryTranslator.IsQueryable(call) && TerminalOperators.Handles(call.Method.Name))
        {
            var candidate = Find(call.Arguments[0]);
            var name = call.Method.Name;
            var predicate = call.Arguments.Count > 1 && name is not ("ElementAt" or "ElementAtOrDefault");
            if (candidate is null) { }
            else if ((RowTerminals.Contains(name) || CountingTerminals.Contains(name)) && !predicate) context.ClientSelect = candidate;
            else context.BlockedSelect = (candidate, name);
        }
        else
        {
            context.ClientSelect = Find(query);
        }
        return new Restore(context, previous);
    }

    /// <summary>Whether the terminal <paramref name="name"/> reads the rows (so the client part turns them into results).</summary>
    public static bool KeepsRows(string name) => RowTerminals.Contains(name);

    /// <summary>The final Select's projection: translated whole when Spark can run it, else split between Spark and the client.</summary>
    public static Projection Build(TranslationContext context, Expression body)
    {
        var outer = context.TakeScalarSubqueries();
        try
        {
            var projection = Projection.Build(context, body);
            var added = context.TakeScalarSubqueries();
            context.RestoreScalarSubqueries(added);
            context.RestoreScalarSubqueries(outer);
            return projection;
        }
        catch (SparkTranslationException e) when (!e.IsFinal)
        {
            context.TakeScalarSubqueries();
            context.RestoreScalarSubqueries(outer);
            return ClientProjectionBuilder.Build(context, body, e);
        }
    }

    /// <summary>
    /// <paramref name="error"/> with a word on where client code may go, when it failed on a method or member
    /// Spark can't run inside <paramref name="call"/>; null to let it pass unchanged.
    /// </summary>
    public static SparkTranslationException? Explain(TranslationContext context, MethodCallExpression call, SparkTranslationException error)
    {
        if (error.IsFinal || error.Explained) return null;
        if (context.BlockedSelect is { } blocked && ReferenceEquals(blocked.Select, call))
        {
            var terminal = blocked.Terminal;
            return Rewrite(error, $"{error.Reason} {terminal} runs on Spark over this Select's values, so this Select must translate completely.",
                $"Apply {terminal} to values Spark can compute (e.g. select the member rather than a helper of it), or call AsEnumerable() before {terminal} to run it on the client.");
        }
        // The final Select already ran what it could on the client; what failed there needs Spark.
        if (ReferenceEquals(call, context.ClientSelect) || !NamesClientCode(context, call, error.Expression)) return null;
        return Rewrite(error, error.Reason, Rule + (error.Suggestion is null ? string.Empty : " " + error.Suggestion));
    }

    private static SparkTranslationException Rewrite(SparkTranslationException error, string reason, string suggestion) =>
        new(error.Expression, error.OperatorName, reason, suggestion, error) { Explained = true };

    /// <summary>The Select under any Skip/Take at the top of <paramref name="query"/>, if there is one.</summary>
    private static MethodCallExpression? Find(Expression query) => query switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert } convert => Find(convert.Operand),
        MethodCallExpression call when QueryTranslator.IsQueryable(call) && call.Method.Name is nameof(Queryable.Skip) or nameof(Queryable.Take) => Find(call.Arguments[0]),
        MethodCallExpression call when QueryTranslator.IsQueryable(call) && call.Method.Name == nameof(Queryable.Select)
            && call.Arguments[1] is UnaryExpression { Operand: LambdaExpression { Parameters.Count: 1 } } => call,
        _ => null,
    };

    /// <summary>Whether the failing expression is a method call, member or delegate call in <paramref name="call"/>'s lambdas (code the client could run).</summary>
    private static bool NamesClientCode(TranslationContext context, MethodCallExpression call, string failing)
    {
        var finder = new ClientCodeFinder(context, failing);
        foreach (var argument in call.Arguments.Skip(1)) finder.Visit(argument);
        return finder.Found;
    }

    private sealed class ClientCodeFinder(TranslationContext context, string failing) : Query.Depth.GuardedExpressionVisitor
    {
        public bool Found { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (Found || node is null) return node;
            // The name is checked first: printing is recursive, so only likely candidates are printed.
            if (IsClientCode(node) && failing.Contains(NameOf(node), StringComparison.Ordinal) && ExpressionPrinter.Print(node, context.Origins) == failing)
            {
                Found = true;
                return node;
            }
            return base.Visit(node);
        }

        protected override Expression VisitExtension(Expression node) => node;

        private static string NameOf(Expression node) => node switch
        {
            MethodCallExpression m => m.Method.Name,
            MemberExpression m => m.Member.Name,
            _ => "Invoke",
        };

        private static bool IsClientCode(Expression node) => node switch
        {
            MethodCallExpression m => m.Method.DeclaringType != typeof(Queryable) && m.Method.DeclaringType != typeof(SparkFunctions)
                && !Attribute.IsDefined(m.Method, typeof(SparkFunctionAttribute)),
            MemberExpression or InvocationExpression => true,
            _ => false,
        };
    }

    private sealed class Restore(TranslationContext context, (MethodCallExpression?, (MethodCallExpression, string)?) previous) : IDisposable
    {
        public void Dispose() => (context.ClientSelect, context.BlockedSelect) = previous;
    }
}
