using System.Linq.Expressions;
using Spark.Linq.Plans;
using Spark.Linq.Translation.Methods;

namespace Spark.Linq.Translation;

/// <summary>
/// Everything one translation needs, passed explicitly to every translator: options, the plan-id
/// counter and relation builders, which lambda parameter stands for which row shape, and the
/// operator being translated (for error messages).
/// </summary>
internal sealed class TranslationContext
{
    private readonly Dictionary<ParameterExpression, ValueShape> _symbols = new();

    public TranslationContext(SparkQueryOptions options)
    {
        Options = options;
        Rel = new Rel(new PlanIds());
    }

    public SparkQueryOptions Options { get; }

    public ColumnNamingPolicy Naming => Options.NamingPolicy;

    public bool CSharpNulls => Options.NullSemantics == SparkNullSemantics.CSharp;

    public Rel Rel { get; }

    /// <summary>The CLR type behind each literal, for plan snapshots (never sent).</summary>
    public LiteralClrTypes LiteralTypes { get; } = new();

    /// <summary>Where client-evaluated values end up, for the plan cache; null when the query is not cached.</summary>
    public Query.Caching.SlotRecorder? Slots { get; init; }

    /// <summary>The C# each client-evaluated constant came from, for error messages.</summary>
    public IReadOnlyDictionary<ConstantExpression, Expression>? Origins { get; init; }

    /// <summary>The query operator being translated, e.g. "Where".</summary>
    public string? Operator { get; set; }

    /// <summary>The Select whose body may be partly evaluated on the client (the query's final projection), if any.</summary>
    public System.Linq.Expressions.MethodCallExpression? ClientSelect { get; set; }

    /// <summary>A final Select that must translate whole because <c>Terminal</c> (Sum, Max, …) runs on Spark over its values.</summary>
    public (System.Linq.Expressions.MethodCallExpression Select, string Terminal)? BlockedSelect { get; set; }

    /// <summary>The method translators: the session's plug-ins' first, then the built-in chain.</summary>
    public IReadOnlyList<IMethodCallTranslator> MethodTranslators => Options.Chains?.Methods ?? MethodTranslatorChain.All;

    /// <summary>The member translators: the session's plug-ins' first, then the built-in chain.</summary>
    public IReadOnlyList<IMemberTranslator> MemberTranslators => Options.Chains?.Members ?? MethodTranslatorChain.Members;

    private readonly HashSet<string> _aliases = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A subquery alias not used yet in this translation, from a lambda parameter's name when it is a plain identifier.</summary>
    public string NewAlias(string? preferred)
    {
        var name = !string.IsNullOrEmpty(preferred) && preferred.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(preferred[0]) ? preferred : "t";
        var alias = name;
        for (var i = 1; !_aliases.Add(alias); i++) alias = name + i;
        return alias;
    }

    private int _lambdaVariables;

    /// <summary>
    /// A lambda variable name unique in this translation, as the official clients make them (<c>x_1</c>, <c>x_2</c>), so
    /// nested lambdas never hide each other's variables. Not the C# parameter's name: the plan cache keys lambdas by
    /// parameter position, so the plan must not depend on names.
    /// </summary>
    public string NewLambdaVariable() => "x_" + (++_lambdaVariables).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly List<Joins.ScalarSubquery> _scalarSubqueries = [];
    private int _scalarCount;

    /// <summary>Registers a one-row subquery for the current operator to cross-join; returns the unique name of its column.</summary>
    public string AddScalarSubquery(Spark.Connect.Protocol.Relation relation)
    {
        _scalarSubqueries.Add(new(relation, null));
        return NewScalarName();
    }

    /// <summary>A name for a subquery's columns, unique in this translation (<c>_scalar0</c>, <c>_scalar1</c>, …).</summary>
    public string NewScalarName() => "_scalar" + (_scalarCount++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Registers a correlated subquery (grouped by its keys) for the current operator to left-outer-join on <paramref name="condition"/>.</summary>
    public void AddCorrelatedSubquery(Spark.Connect.Protocol.Relation relation, Spark.Connect.Protocol.Expression condition) =>
        _scalarSubqueries.Add(new(relation, condition));

    /// <summary>The scalar subqueries registered since the last call.</summary>
    public IReadOnlyList<Joins.ScalarSubquery> TakeScalarSubqueries()
    {
        var taken = _scalarSubqueries.ToList();
        _scalarSubqueries.Clear();
        return taken;
    }

    /// <summary>Puts back subqueries taken while a nested query was translated.</summary>
    public void RestoreScalarSubqueries(IEnumerable<Joins.ScalarSubquery> subqueries) => _scalarSubqueries.InsertRange(0, subqueries);

    public bool HasScalarSubqueries => _scalarSubqueries.Count > 0;

    /// <summary>Set when a window function is translated, so a join's result selector that uses one is projected at once.</summary>
    public bool WindowSeen { get; set; }

    public ValueShape? Lookup(ParameterExpression parameter) => _symbols.GetValueOrDefault(parameter);

    /// <summary>Binds <paramref name="parameter"/> to <paramref name="shape"/> until the returned scope is disposed.</summary>
    public IDisposable Bind(ParameterExpression parameter, ValueShape shape)
    {
        _symbols[parameter] = shape;
        return new Unbind(_symbols, parameter);
    }

    public SparkTranslationException NotSupported(Expression expression, string reason, string? suggestion = null) =>
        new(ExpressionPrinter.Print(expression, Origins), Operator, reason, suggestion);

    private sealed class Unbind(Dictionary<ParameterExpression, ValueShape> symbols, ParameterExpression parameter) : IDisposable
    {
        public void Dispose() => symbols.Remove(parameter);
    }
}
