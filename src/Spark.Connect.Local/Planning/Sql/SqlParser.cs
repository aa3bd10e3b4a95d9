namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// A recursive-descent parser for Spark SQL that builds the unresolved Spark Connect plan a client would send
/// (<see cref="Relation"/>, <see cref="Expression"/>), which the planner's resolvers then resolve as any other plan,
/// as Spark's own parser produces an unresolved logical plan. This part holds the entry points and the budgets (the token cursor is <see cref="SparkTokenParser"/>);
/// expressions, literals, queries and FROM clauses are parsed in the other parts of the class.
/// </summary>
internal sealed partial class SqlParser : SparkTokenParser
{
    /// <summary>How deeply parenthesised expressions, subqueries and calls may nest in SQL text.</summary>
    internal const int MaxDepth = 256;

    private readonly SqlParameters _parameters;
    private readonly SubqueryCollector _subqueries;
    private readonly HashSet<string> _aliasCandidates = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlySet<string> _groupByAliases = new HashSet<string>();

    // spark.sql.legacy.parser.havingWithoutGroupByAsWhere: HAVING without GROUP BY filters rows as WHERE does.
    private bool _havingAsWhere;
    private int _depth;

    private SqlParser(string text, SqlParameters parameters, SubqueryCollector subqueries) : base(text)
    {
        _parameters = parameters;
        _subqueries = subqueries;
    }

    /// <summary>
    /// A query (SELECT, WITH, VALUES, TABLE, a parenthesised query; one trailing semicolon allowed) as a relation; the
    /// relations of its subquery expressions travel in a <c>WithRelations</c> root, as Spark Connect clients send them.
    /// </summary>
    internal static Relation ParseQuery(string text, SqlParameters parameters) => ParseQuery(text, parameters, new HashSet<string>(), out _, out _);

    /// <summary>
    /// As <see cref="ParseQuery(string, SqlParameters)"/>; a GROUP BY name in <paramref name="groupByAliases"/> that is a
    /// select alias groups by that select item's expression. <paramref name="aliasCandidates"/> names every GROUP BY name
    /// that is also a select alias (Spark groups by the alias only when the input has no such column).
    /// <paramref name="unreadCtes"/> holds the WITH definitions no reference reads, each as a relation of its own, which
    /// the caller resolves as Spark analyzes them (a missing table there is still an error). With
    /// <paramref name="havingAsWhere"/> (Spark's legacy <c>havingWithoutGroupByAsWhere</c>) a HAVING without GROUP BY is a WHERE.
    /// </summary>
    internal static Relation ParseQuery(string text, SqlParameters parameters, IReadOnlySet<string> groupByAliases,
        out IReadOnlySet<string> aliasCandidates, out IReadOnlyList<Relation> unreadCtes, bool havingAsWhere = false,
        bool legacySetOperationPrecedence = false)
    {
        var subqueries = new SubqueryCollector();
        var parser = new SqlParser(text, parameters, subqueries) { _groupByAliases = groupByAliases, _havingAsWhere = havingAsWhere, _legacySetOperationPrecedence = legacySetOperationPrecedence };
        aliasCandidates = parser._aliasCandidates;
        var query = parser.Query();
        parser.AcceptSymbol(";");
        parser.ExpectEnd();
        parser.EnsureOuterAggregatesClaimed();
        // Arguments no marker uses are ignored, as Spark ignores them.
        unreadCtes = parser._unreadCtes.Select(subqueries.Wrap).ToList();
        return subqueries.Wrap(query);
    }

    /// <summary>
    /// One expression, optionally with an alias (<c>selectExpr</c>, <c>expr</c>, <c>filter("…")</c>); the relations of
    /// its subqueries go to <paramref name="addReference"/> under the plan ids its subquery expressions name.
    /// </summary>
    internal static Expression ParseExpression(string text, Action<long, Relation> addReference)
    {
        var subqueries = new SubqueryCollector();
        var parser = new SqlParser(text, SqlParameters.None, subqueries);
        var expression = parser.NamedExpression();
        parser.ExpectEnd();
        parser.EnsureOuterAggregatesClaimed();
        foreach (var (id, relation) in subqueries.References)
            addReference(id, relation);
        return expression;
    }

    /// <summary>Counts one level of user-controlled nesting; past <see cref="MaxDepth"/> (or a short stack) the text is too complex.</summary>
    private DepthScope Nest()
    {
        if (++_depth > MaxDepth || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw SqlParseErrors.TooComplex(MaxDepth);
        return new DepthScope(this);
    }

    private readonly struct DepthScope(SqlParser parser) : IDisposable
    {
        public void Dispose() => parser._depth--;
    }

    /// <summary>The name after AS: any word but Spark's strictly reserved ones, since no clause can start there.</summary>
    private string AliasAfterAs() => Identifier(SqlKeywords.IsStrictlyReserved);

    /// <summary><c>a.b.c</c> as its parts.</summary>
    private List<string> MultipartName()
    {
        var parts = new List<string> { Identifier() };
        while (IsSymbol(".") && PeekAt(1).Kind is SparkTokenKind.Word or SparkTokenKind.QuotedIdentifier)
        {
            Advance();
            parts.Add(Identifier());
        }
        return parts;
    }

    /// <summary>Parts as one back-quoted unparsed identifier (<c>`a`.`b`</c>), the form Spark Connect plans carry.</summary>
    private static string Unparsed(IEnumerable<string> parts) =>
        string.Join(".", parts.Select(p => "`" + p.Replace("`", "``", StringComparison.Ordinal) + "`"));
}
