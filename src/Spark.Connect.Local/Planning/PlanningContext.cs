using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Planning;

/// <summary>
/// State shared by one <see cref="LocalPlanner.Plan"/> call: the parameters bound so far (their order is
/// their placeholder number), the counter behind generated source aliases, and the session.
/// </summary>
internal sealed class PlanningContext(IPlanningSession session, FunctionRenderer? functions = null)
{
    private readonly List<Expression.Types.Literal> _parameters = [];
    private int _aliases;
    private int _nesting;
    private Dictionary<Relation, byte[]>? _statementRows;

    internal IPlanningSession Session => session;

    /// <summary>The test's function table, or null for the catalog.</summary>
    internal FunctionRenderer? FunctionOverride => functions;

    /// <summary>Renders Spark function calls: the catalog, unless a test substitutes its own.</summary>
    internal FunctionRenderer Functions => functions ?? SparkFunctionCatalog.Render;

    /// <summary>
    /// Renders a function under an <c>OVER (…)</c> clause. The catalog places the clause itself (inside
    /// the cast that gives Spark's result type); a substituted test table just gets it appended.
    /// </summary>
    internal WindowFunctionRenderer WindowFunctions => functions is null
        ? SparkFunctionCatalog.RenderWindow
        : (name, arguments, over, context) => $"{functions(name, arguments, false, context)} {over}";

    internal IReadOnlyList<Expression.Types.Literal> Parameters => _parameters;

    /// <summary>
    /// The rows of a statement inside a <c>SQL</c> relation, run by <paramref name="run"/> the first time this planning
    /// meets that relation node, so a relation resolved twice (a query parsed again) never runs its statement twice.
    /// </summary>
    internal byte[] StatementRows(Relation relation, Func<byte[]> run)
    {
        _statementRows ??= new Dictionary<Relation, byte[]>(ReferenceEqualityComparer.Instance);
        if (!_statementRows.TryGetValue(relation, out var rows))
            _statementRows[relation] = rows = run();
        return rows;
    }

    /// <summary>Adds one scalar value as the next positional parameter and returns its bare placeholder (<c>$n</c>).</summary>
    internal string AddParameter(Expression.Types.Literal scalar)
    {
        _parameters.Add(scalar);
        return "$" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Counts one more level of relation or expression nesting until the returned scope is disposed; past
    /// <see cref="PlanComplexity.MaxNesting"/> levels, or with the stack nearly used up, the plan is refused.
    /// </summary>
    internal NestingScope Nest()
    {
        PlanComplexity.EnsureStack();
        if (_nesting >= PlanComplexity.MaxNesting)
            throw PlanComplexity.TooManyLevels();
        _nesting++;
        return new NestingScope(this);
    }

    /// <summary>Leaves one nesting level.</summary>
    internal readonly struct NestingScope(PlanningContext context) : IDisposable
    {
        public void Dispose() => context._nesting--;
    }

    /// <summary>
    /// A fresh quoted alias for one FROM item. Every input gets its own, so plan-id attributes can be
    /// qualified unambiguously even when the same table is read several times (self-joins).
    /// </summary>
    internal string NextAlias() => SqlIdentifiers.Quote("_s" + (++_aliases).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The output columns of <paramref name="query"/> as DuckDB binds them, learned by preparing it (never
    /// running it). Parameters need no values for this: every placeholder the planner writes is wrapped
    /// in a CAST, so its type is known.
    /// </summary>
    internal IReadOnlyList<(string Name, DuckDbLogicalType Type)> Describe(string query)
    {
        // A DuckDB error here is the user's (an unknown column, a type mismatch): it propagates as the
        // same DuckDbException running the statement would raise, for the service to map.
        try
        {
            using var statement = session.Connection.Prepare(query);
            return [.. statement.DescribeColumns().Select(c => (SqlIdentifiers.FromDuckDb(c.Name), c.Type))];
        }
        catch (DuckDbException error) when (PlanComplexity.FromDuckDb(error) is { } tooComplex)
        {
            throw tooComplex;
        }
    }
}

/// <summary>The shape of <see cref="SparkFunctionCatalog.Render"/>, so planner tests can supply a function table of their own.</summary>
internal delegate string FunctionRenderer(string name, IReadOnlyList<SqlArgument> arguments, bool isDistinct, IFunctionRenderContext context);

/// <summary>The shape of <see cref="SparkFunctionCatalog.RenderWindow"/>.</summary>
internal delegate string WindowFunctionRenderer(string name, IReadOnlyList<SqlArgument> arguments, string overClause, IFunctionRenderContext context);
