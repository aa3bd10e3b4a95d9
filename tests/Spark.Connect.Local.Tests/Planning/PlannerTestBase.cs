using Spark.Connect;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Tests.DuckDb;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>
/// Builds Spark Connect plans by hand (each relation gets the next plan id, as clients do), plans them
/// against a real in-memory DuckDB and reads the rows back as text (DuckDB's own VARCHAR rendering), so
/// tests assert on results rather than on generated SQL.
/// </summary>
public abstract class PlannerTestBase : DuckDbTestBase
{
    private long _nextPlanId;

    /// <summary>A session over the test connection; LocalRelation loads a table the test prepared.</summary>
    internal sealed class TestSession(DuckDbConnection connection) : IPlanningSession
    {
        public DuckDbConnection Connection => connection;

        /// <summary>The dialect of user SQL (Spark SQL unless a test of the DuckDB pass-through sets it).</summary>
        public SqlDialect SqlDialect { get; set; } = SqlDialect.Spark;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _cached = new(StringComparer.OrdinalIgnoreCase);
        public System.Collections.Concurrent.ConcurrentDictionary<string, bool> CachedTables() => _cached;
        public List<LocalRelation> Loaded { get; } = [];

        /// <summary>The session's Spark settings (what SET would have left), read by planning.</summary>
        public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);
        public string? Setting(string key) => Settings.GetValueOrDefault(key);
        public string LocalTable { get; set; } = "local_data";

        /// <summary>The Spark Connect user the session belongs to (current_user()).</summary>
        public string UserId { get; set; } = "";

        /// <summary>Chooses the table for a LocalRelation (default: <see cref="LocalTable"/>).</summary>
        public Func<LocalRelation, string>? Resolve { get; set; }

        public string LoadLocalRelation(LocalRelation relation)
        {
            Loaded.Add(relation);
            return Resolve?.Invoke(relation) ?? LocalTable;
        }

        private int _recursionTables;

        /// <summary>Recursive CTE runs write temporary tables of the test connection.</summary>
        public string NewRecursionTable() => $"recursive_cte_{++_recursionTables}";

        /// <summary>Temporary views by one-part name (case-insensitive), for planner tests of view reads.</summary>
        public Dictionary<string, Relation> Views { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Relation? FindView(IReadOnlyList<string> nameParts) =>
            nameParts.Count == 1 ? Views.GetValueOrDefault(nameParts[0]) : null;
    }

    internal TestSession Session { get; private set; } = null!;

    [SetUp]
    public void CreateSession()
    {
        Session = new TestSession(Connection);
        _nextPlanId = 0;
        Exec("CREATE TABLE people (id INTEGER, name VARCHAR, dept INTEGER, salary DOUBLE)");
        Exec("INSERT INTO people VALUES (1, 'Ann', 10, 100.0), (2, 'Bob', 10, 200.0), (3, 'Cid', 20, 300.0), (4, 'Dee', NULL, 400.0)");
        Exec("CREATE TABLE depts (dept INTEGER, title VARCHAR)");
        Exec("INSERT INTO depts VALUES (10, 'Eng'), (20, 'Ops'), (30, 'Law')");
    }

    internal void Exec(string sql) => Connection.ExecuteNonQuery(sql);

    /// <summary>The function table plans use: the small test table, or null for the real catalog.</summary>
    internal FunctionRenderer? Functions { get; set; } = TestFunctions.Render;

    internal PlannedQuery Plan(Relation relation) =>
        (Functions is null ? new LocalPlanner(Session) : new LocalPlanner(Session, Functions)).Plan(relation);

    /// <summary>Every row of the planned query, each value as DuckDB renders it as VARCHAR (null stays null).</summary>
    internal List<string?[]> Rows(Relation relation)
    {
        var planned = Plan(relation);
        var text = new PlannedQuery($"SELECT CAST(COLUMNS(*) AS VARCHAR) FROM ({planned.Sql}) AS result_under_test", planned.Parameters);
        using var statement = LocalPlanner.Prepare(Connection, text);
        using var result = statement.Execute();
        return ReadAll(result, (chunk, row) =>
            Enumerable.Range(0, chunk.ColumnCount).Select(c =>
            {
                var vector = chunk.GetVector(c);
                return vector.IsValid(row) ? vector.GetString(row) : null;
            }).ToArray());
    }

    /// <summary>Rows rendered as "a|b|c" strings (null as "∅"), for compact assertions.</summary>
    internal List<string> Lines(Relation relation) =>
        Rows(relation).Select(r => string.Join("|", r.Select(v => v ?? "∅"))).ToList();

    /// <summary>The output column names of the planned query (DuckDB's names, before any renaming).</summary>
    internal List<string> Columns(Relation relation)
    {
        using var statement = LocalPlanner.Prepare(Connection, Plan(relation));
        return statement.DescribeColumns().Select(c => c.Name).ToList();
    }

    /// <summary>The DuckDB types of the planned query's columns.</summary>
    internal List<string> OutputTypes(Relation relation)
    {
        using var statement = LocalPlanner.Prepare(Connection, Plan(relation));
        return statement.DescribeColumns().Select(c => c.Type.ToString()).ToList();
    }

    internal LocalEngineException PlanError(Relation relation) => Assert.Throws<LocalEngineException>(() => Rows(relation))!;

    // ---- relation builders ----
    internal Relation New(Action<Relation> fill)
    {
        var relation = new Relation();
        fill(relation);
        relation.Common = new RelationCommon { PlanId = _nextPlanId++ };
        return relation;
    }

    internal Relation Table(string name) => New(r => r.Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = name } });

    internal Relation Project(Relation input, params Expression[] expressions)
    {
        var project = new Project { Input = input };
        project.Expressions.AddRange(expressions);
        return New(r => r.Project = project);
    }

    internal Relation Filter(Relation input, Expression condition) => New(r => r.Filter = new Filter { Input = input, Condition = condition });

    internal Relation Sort(Relation input, params Expression.Types.SortOrder[] order)
    {
        var sort = new Sort { Input = input, IsGlobal = true };
        sort.Order.AddRange(order);
        return New(r => r.Sort = sort);
    }

    internal Relation SortBy(Relation input, params string[] columns) => Sort(input, columns.Select(c => Asc(Col(c))).ToArray());

    internal Relation Join(Relation left, Relation right, Expression? condition, Join.Types.JoinType type = Spark.Connect.Protocol.Join.Types.JoinType.Inner, params string[] usingColumns)
    {
        var join = new Join { Left = left, Right = right, JoinType = type };
        if (condition is not null)
            join.JoinCondition = condition;
        join.UsingColumns.AddRange(usingColumns);
        return New(r => r.Join = join);
    }

    internal Relation Aggregate(Relation input, Expression[] grouping, params Expression[] aggregates)
    {
        var aggregate = new Aggregate { Input = input, GroupType = Spark.Connect.Protocol.Aggregate.Types.GroupType.Groupby };
        aggregate.GroupingExpressions.AddRange(grouping);
        aggregate.AggregateExpressions.AddRange(aggregates);
        return New(r => r.Aggregate = aggregate);
    }

    // ---- expression builders ----
    internal static Expression Col(string name, long? planId = null)
    {
        var attribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = name };
        if (planId is { } id)
            attribute.PlanId = id;
        return new Expression { UnresolvedAttribute = attribute };
    }

    internal static Expression Col(Relation of, string name) => Col(name, of.Common.PlanId);

    internal static Expression Lit(Literal literal) => new() { Literal = literal };
    internal static Expression Lit(int value) => Lit(new Literal { Integer = value });
    internal static Expression Lit(long value) => Lit(new Literal { Long = value });
    internal static Expression Lit(string value) => Lit(new Literal { String = value });
    internal static Expression Lit(double value) => Lit(new Literal { Double = value });

    internal static Expression Fn(string name, params Expression[] arguments)
    {
        var function = new Expression.Types.UnresolvedFunction { FunctionName = name };
        function.Arguments.AddRange(arguments);
        return new Expression { UnresolvedFunction = function };
    }

    internal static Expression Alias(Expression expression, string name)
    {
        var alias = new Expression.Types.Alias { Expr = expression };
        alias.Name.Add(name);
        return new Expression { Alias = alias };
    }

    internal static Expression.Types.SortOrder Asc(Expression child) => new()
    {
        Child = child, Direction = Expression.Types.SortOrder.Types.SortDirection.Ascending,
    };

    internal static Expression.Types.SortOrder Desc(Expression child) => new()
    {
        Child = child, Direction = Expression.Types.SortOrder.Types.SortDirection.Descending,
    };
}
