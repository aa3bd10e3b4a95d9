using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning.Sources;
using Spark.Connect.Local.Planning.Rendering;
using Spark.Connect.Local.Planning.Resolution;

namespace Spark.Connect.Local.Planning;

/// <summary>
/// Turns a Spark Connect <see cref="Relation"/> into one DuckDB statement for a session. The SQL text is
/// built only from the plan's structure; every value travels as a bound parameter (see docs/local-engine.md, "Planner").
/// </summary>
internal sealed class LocalPlanner
{
    private readonly IPlanningSession _session;
    private readonly FunctionRenderer? _functions;

    internal LocalPlanner(IPlanningSession session) => _session = session;

    /// <summary>A planner whose function calls go to <paramref name="functions"/> instead of the catalog (tests).</summary>
    internal LocalPlanner(IPlanningSession session, FunctionRenderer functions)
    {
        _session = session;
        _functions = functions;
    }

    /// <summary>Plans <paramref name="relation"/>; throws <see cref="LocalEngineException"/> for anything it can't run.</summary>
    internal PlannedQuery Plan(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        PlanComplexity.CheckMessageDepth(relation);
        var context = new PlanningContext(_session, _functions);
        var plan = new RelationResolver(new ResolutionContext(context)).Resolve(relation);
        var sql = PlanSql.RenderRoot(plan, context);
        return Compact(sql, context.Parameters) with { Schema = SchemaOf(plan), Resolved = plan };
    }

    /// <summary>The plan's output as Spark's struct schema (names, types, nullability).</summary>
    private static DataType SchemaOf(LogicalPlan plan)
    {
        var schema = new DataType.Types.Struct();
        foreach (var column in plan.Output)
            schema.Fields.Add(new DataType.Types.StructField { Name = column.Name, DataType = column.Type, Nullable = column.Nullable });
        return new DataType { Struct = schema };
    }

    /// <summary>
    /// Renumbers placeholders in order of first use and drops parameters the statement never uses (a
    /// function renderer may bind a value for a question and then not emit it): DuckDB numbers a
    /// statement's parameters by the placeholders it sees, so gaps would shift every later binding.
    /// </summary>
    internal static PlannedQuery Compact(string sql, IReadOnlyList<Expression.Types.Literal> parameters)
    {
        var renumbered = new Dictionary<int, int>();
        var used = new List<Expression.Types.Literal>();
        var text = SqlPlaceholderRewriter.RenumberPlaceholders(sql, n =>
        {
            if (n < 1 || n > parameters.Count)
                throw new InvalidOperationException($"The planner wrote placeholder ${n} but bound only {parameters.Count} parameters.");
            if (!renumbered.TryGetValue(n, out var compact))
            {
                used.Add(parameters[n - 1]);
                renumbered[n] = compact = used.Count;
            }
            return "$" + compact.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        return new PlannedQuery(text, used);
    }

    /// <summary>Prepares a planned query on <paramref name="connection"/> with its parameters bound.</summary>
    internal static DuckDbPreparedStatement Prepare(DuckDbConnection connection, PlannedQuery query)
    {
        DuckDbPreparedStatement statement;
        try
        {
            statement = connection.Prepare(query.Sql);
        }
        catch (DuckDbException error) when (PlanComplexity.FromDuckDb(error) is { } tooComplex)
        {
            throw tooComplex;
        }
        try
        {
            for (var i = 0; i < query.Parameters.Count; i++)
                LiteralBinder.Bind(statement, i + 1, query.Parameters[i]);
            return statement;
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }
}
