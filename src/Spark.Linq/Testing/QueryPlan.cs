using System.Text;
using Google.Protobuf;
using Spark.Connect.Protocol;
using Spark.Linq.Plans;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Testing;

/// <summary>
/// A query's Spark Connect plan, for assertions in unit tests without a cluster and without walking protobuf paths:
/// which relations it has (<see cref="Relations{T}"/>), which tables it reads, which columns it outputs, which
/// functions and literals it uses, the order of its operators (<see cref="RunsBefore{TFirst, TThen}"/>), and a
/// stable text for snapshot tests (<see cref="ToPlanString"/>). Get one with <c>query.ToQueryPlan()</c>.
/// Nothing here contacts a server, and nothing depends on a test framework.
/// </summary>
public sealed class QueryPlan
{
    private readonly Dictionary<Literal, PlanLiteral> _literals = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<long, int> _planIds = [];
    private readonly List<PlanNode> _nodes = [];

    internal QueryPlan(Relation relation, IReadOnlyList<LiteralSource> literalSources)
    {
        Relation = relation;
        // The recorded sources are by position in a walk of the whole plan; spell each literal message once.
        var index = 0;
        PlanWalk.Visit(relation, message =>
        {
            if (message is not Literal literal) return;
            var source = index < literalSources.Count ? literalSources[index] : default;
            index++;
            _literals.TryAdd(literal, new PlanLiteral(literal, source.ClrType, source.CapturedFrom));
        });
        Root = BuildNodes(relation);
        var expressions = new ExpressionText(Spell, PlanIdText);
        var describe = new RelationText(expressions);
        foreach (var node in _nodes) node.Description = describe.Describe(node.Relation);

        // Values, columns and functions are listed node by node in snapshot order, so the lists read like the snapshot.
        var nested = new HashSet<Literal>(ReferenceEqualityComparer.Instance);
        var literals = new List<PlanLiteral>();
        var columns = new List<string>();
        var functions = new List<string>();
        foreach (var node in _nodes.Where(n => n.Operator is not null))
        {
            PlanWalk.Visit(node.Operator!, message =>
            {
                switch (message)
                {
                    case Literal literal:
                        if (!nested.Contains(literal)) literals.Add(Spell(literal));
                        foreach (var inner in Elements(literal)) nested.Add(inner);
                        break;
                    case Expression.Types.UnresolvedAttribute attribute:
                        columns.Add(attribute.UnparsedIdentifier);
                        break;
                    case Expression.Types.UnresolvedFunction function:
                        functions.Add(function.FunctionName);
                        break;
                    case CallFunction call:
                        functions.Add(call.FunctionName);
                        break;
                }
            }, intoRelations: false);
        }
        Literals = literals;
        ColumnReferences = columns.Distinct(StringComparer.Ordinal).ToList();
        Functions = functions.Distinct(StringComparer.Ordinal).ToList();
        Tables = _nodes.Where(n => n.Operator is Read { ReadTypeCase: Read.ReadTypeOneofCase.NamedTable })
            .Select(n => ((Read)n.Operator!).NamedTable.UnparsedIdentifier).Distinct(StringComparer.Ordinal).ToList();
        OutputColumns = OutputNames.Of(relation, expressions);
    }

    /// <summary>The plan of a relation built elsewhere; literals are spelt from Spark's types alone (no enum names).</summary>
    public static QueryPlan From(Relation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        return new QueryPlan(relation, []);
    }

    /// <summary>The root relation, as sent to Spark.</summary>
    public Relation Relation { get; }

    /// <summary>The root node (the relation whose rows the query returns).</summary>
    public PlanNode Root { get; }

    /// <summary>Every relation node, root first, then depth-first (a join's left side before its right): the snapshot's order.</summary>
    public IReadOnlyList<PlanNode> Nodes => _nodes;

    /// <summary>The named tables the plan reads (<c>Read</c> of a table or view), in the order the snapshot lists them, each once.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>
    /// The names of the columns the query returns, as its last projection or aggregation names them (an alias, or a column's
    /// last name part); <c>*</c> stands for every column of a source whose columns the plan does not list (a table, SQL).
    /// </summary>
    public IReadOnlyList<string> OutputColumns { get; }

    /// <summary>Every column reference in the plan, as written (<c>Amount</c>, <c>o.customer_id</c>), each once, in snapshot order (root first).</summary>
    public IReadOnlyList<string> ColumnReferences { get; }

    /// <summary>Every Spark function the plan calls, operators included (<c>==</c>, <c>and</c>, <c>upper</c>, <c>sum</c>), each once, in snapshot order.</summary>
    public IReadOnlyList<string> Functions { get; }

    /// <summary>The plan's literal values in snapshot order (a value used twice appears twice), each readable as C#.</summary>
    public IReadOnlyList<PlanLiteral> Literals { get; }

    /// <summary>
    /// The kinds of relation from the first source up to the root, following each relation's first input:
    /// <c>["Read", "Filter", "Sort", "Project", "Limit"]</c>, the order Spark applies them in.
    /// </summary>
    public IReadOnlyList<string> Pipeline
    {
        get
        {
            var kinds = new List<string>();
            for (var node = Root; node is not null; node = node.Inputs.Count > 0 ? node.Inputs[0] : null) kinds.Add(node.Kind);
            kinds.Reverse();
            return kinds;
        }
    }

    /// <summary>The operator messages of every relation of kind <typeparamref name="T"/> (e.g. <see cref="Filter"/>, <see cref="Join"/>), in snapshot order.</summary>
    public IReadOnlyList<T> Relations<T>() where T : class, IMessage => _nodes.Select(n => n.Operator).OfType<T>().ToList();

    /// <summary>
    /// True when some <typeparamref name="TThen"/> relation reads, directly or further down, a <typeparamref name="TFirst"/>
    /// relation: the plan applies a <typeparamref name="TFirst"/> before that <typeparamref name="TThen"/>
    /// (<c>RunsBefore&lt;Filter, Sort&gt;()</c>: it filters before it sorts).
    /// </summary>
    public bool RunsBefore<TFirst, TThen>() where TFirst : class, IMessage where TThen : class, IMessage =>
        _nodes.Any(n => n.Operator is TThen && n.Descendants().Any(d => d.Operator is TFirst));

    /// <summary>
    /// The plan as stable, diff-friendly text for snapshot tests: one relation per line, root first, indented by two spaces
    /// per level; literals in C# spelling with Spark's type (<c>100m (decimal(3,0))</c>, <c>OrderStatus.Shipped (3: int)</c>);
    /// each line ends with the node's number (<c>#1</c> for the root, counting down the text), so the text is the same in
    /// every session and process whatever plan ids the translation chose. Lines end with <c>\n</c> on every platform.
    /// </summary>
    /// <param name="includeNodeNumbers">False leaves out the <c>#n</c> numbers (references to plan ids inside expressions keep theirs).</param>
    public string ToPlanString(bool includeNodeNumbers = true)
    {
        var text = new StringBuilder();
        foreach (var node in _nodes)
        {
            if (text.Length > 0) text.Append('\n');
            text.Append(' ', node.Depth * 2).Append(node.Description);
            if (includeNodeNumbers) text.Append(" #").Append(node.Id);
        }
        return text.ToString();
    }

    /// <summary>
    /// The query as one Spark SQL statement to paste into a notebook or <c>spark.sql</c>: values written in as literals
    /// (strings quoted and escaped, typed numbers cast), names back-quoted where needed. When the query captured values
    /// (variables read when it was translated), a comment header lists them, since the SQL holds those values, not the variables.
    /// </summary>
    /// <exception cref="NotSupportedException">The plan has a part with no Spark SQL form here (grouping sets, a pivot without
    /// values, a file read with a schema, …); the message names it.</exception>
    public string ToSparkSql()
    {
        var sql = new SparkSqlRenderer().Render(Relation);
        var captured = Literals.Where(l => l.CapturedFrom is not null).Select(l => $"--   {l.CapturedFrom} = {l.CSharp}").Distinct(StringComparer.Ordinal).ToList();
        if (captured.Count == 0) return sql;
        var header = new StringBuilder("-- Values the query captured, written in as they were when it was translated:\n");
        foreach (var line in captured) header.Append(OneLine(line)).Append('\n');
        return header.Append(sql).ToString();
    }

    /// <summary>The same text as <see cref="ToPlanString"/>.</summary>
    public override string ToString() => ToPlanString();

    /// <summary>The spelling of one literal of this plan (any literal message; one not in the plan is spelt from Spark's type alone).</summary>
    internal PlanLiteral Spell(Literal literal) => _literals.TryGetValue(literal, out var spelt) ? spelt : new PlanLiteral(literal, null, null);

    // A comment ends at a line break: none may come from a name or a value.
    private static string OneLine(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? '?' : c));

    private string PlanIdText(long planId) => _planIds.TryGetValue(planId, out var id) ? "#" + id : "#?" + ExpressionText.Invariant(planId);

    private PlanNode BuildNodes(Relation relation)
    {
        var pending = new Stack<(Relation Relation, int Depth, PlanNode? Parent)>();
        pending.Push((relation, 0, null));
        PlanNode? root = null;
        while (pending.TryPop(out var item))
        {
            var node = new PlanNode(item.Relation, _nodes.Count + 1, item.Depth, item.Parent);
            _nodes.Add(node);
            item.Parent?.AddInput(node);
            root ??= node;
            if (item.Relation.Common is { HasPlanId: true } common) _planIds.TryAdd(common.PlanId, node.Id);
            var inputs = RelationText.Inputs(item.Relation);
            for (var i = inputs.Count - 1; i >= 0; i--) pending.Push((inputs[i], item.Depth + 1, node));
        }
        return root!;
    }

    private static IEnumerable<Literal> Elements(Literal literal) => literal.LiteralTypeCase switch
    {
        Literal.LiteralTypeOneofCase.Array => literal.Array.Elements,
        Literal.LiteralTypeOneofCase.Map => literal.Map.Keys.Concat(literal.Map.Values),
        Literal.LiteralTypeOneofCase.Struct => literal.Struct.Elements,
        _ => [],
    };
}
