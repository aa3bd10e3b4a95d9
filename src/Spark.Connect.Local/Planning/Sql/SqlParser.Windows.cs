using Frame = Spark.Connect.Protocol.Expression.Types.Window.Types.WindowFrame;
using SortOrder = Spark.Connect.Protocol.Expression.Types.SortOrder;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Window specifications after OVER (<c>PARTITION BY</c>, <c>ORDER BY</c>, <c>ROWS</c>/<c>RANGE</c> frames) and
/// named windows (<c>OVER w</c> … <c>WINDOW w AS (…)</c>), and sort items (<c>ASC</c>/<c>DESC</c>, <c>NULLS FIRST</c>/<c>LAST</c>).
/// </summary>
internal sealed partial class SqlParser
{
    // Windows that name a WINDOW clause entry; the clause comes after the select list, so they are filled in then.
    private readonly List<(Expression.Types.Window Window, string Name, SparkToken At)> _namedWindowUses = [];

    private Expression Window(Expression function)
    {
        var window = new Expression.Types.Window { WindowFunction = function };
        if (!IsSymbol("("))
        {
            var at = Current;
            _namedWindowUses.Add((window, Identifier(), at));
            return new Expression { Window = window };
        }
        Advance();
        if (AtIdentifier && PeekAt(1).IsSymbol(")"))
        {
            var at = Current;
            _namedWindowUses.Add((window, Identifier(), at));
        }
        else
            WindowSpecification(window);
        ExpectSymbol(")");
        return new Expression { Window = window };
    }

    /// <summary>The inside of a window's parentheses, into <paramref name="window"/>.</summary>
    private void WindowSpecification(Expression.Types.Window window)
    {
        if (AcceptWords("PARTITION", "BY") || AcceptWords("DISTRIBUTE", "BY"))
        {
            do window.PartitionSpec.Add(Expr());
            while (AcceptSymbol(","));
        }
        if (AcceptWords("ORDER", "BY") || AcceptWords("SORT", "BY"))
            window.OrderSpec.AddRange(SortItems());
        if (IsWord("ROWS") || IsWord("RANGE"))
            window.FrameSpec = FrameSpecification();
    }

    private Frame FrameSpecification()
    {
        var frame = new Frame { FrameType = Advance().IsWord("ROWS") ? Frame.Types.FrameType.Row : Frame.Types.FrameType.Range };
        if (AcceptWord("BETWEEN"))
        {
            frame.Lower = FrameBound();
            ExpectWord("AND");
            frame.Upper = FrameBound(lower: false);
        }
        else
        {
            frame.Lower = FrameBound();
            frame.Upper = new Frame.Types.FrameBoundary { CurrentRow = true };
        }
        return frame;
    }

    private Frame.Types.FrameBoundary FrameBound(bool lower = true)
    {
        if (AcceptWord("UNBOUNDED"))
        {
            var preceding = AcceptWord("PRECEDING");
            if (!preceding)
                ExpectWord("FOLLOWING");
            // The message can't say which end is unbounded, so a frame from UNBOUNDED FOLLOWING or to UNBOUNDED PRECEDING
            // (which Spark refuses) is refused here rather than read as the other end.
            if (preceding != lower)
                throw new LocalEngineException("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_INVALID_BOUND", "42K09",
                    $"Cannot resolve the window frame due to data type mismatch: the {(lower ? "lower" : "upper")} bound is UNBOUNDED {(preceding ? "PRECEDING" : "FOLLOWING")}; the upper bound must follow the lower bound.");
            return new Frame.Types.FrameBoundary { Unbounded = true };
        }
        if (AcceptWords("CURRENT", "ROW"))
            return new Frame.Types.FrameBoundary { CurrentRow = true };
        var offset = Binary(0);
        FrameBoundValues.RequireConstant(offset);
        if (AcceptWord("PRECEDING"))
            return new Frame.Types.FrameBoundary { Value = Negated(offset) };
        ExpectWord("FOLLOWING");
        return new Frame.Types.FrameBoundary { Value = offset };
    }

    /// <summary>A PRECEDING offset as the negative value Spark Connect frames carry; literals are negated in place.</summary>
    private static Expression Negated(Expression offset)
    {
        if (offset.Literal is { } literal)
        {
            switch (literal.LiteralTypeCase)
            {
                case Expression.Types.Literal.LiteralTypeOneofCase.Integer:
                    return Literals.Integer(-literal.Integer);
                case Expression.Types.Literal.LiteralTypeOneofCase.Long:
                    return Literals.Long(-literal.Long);
            }
        }
        return Call("negative", offset);
    }

    private List<Expression.Types.SortOrder> SortItems()
    {
        var items = new List<SortOrder>();
        do items.Add(SortItem());
        while (AcceptSymbol(","));
        return items;
    }

    private SortOrder SortItem()
    {
        var order = new SortOrder { Child = Expr() };
        if (AcceptWord("DESC"))
            order.Direction = SortOrder.Types.SortDirection.Descending;
        else if (AcceptWord("ASC"))
            order.Direction = SortOrder.Types.SortDirection.Ascending;
        if (AcceptWord("NULLS"))
        {
            if (AcceptWord("FIRST"))
                order.NullOrdering = SortOrder.Types.NullOrdering.SortNullsFirst;
            else
            {
                ExpectWord("LAST");
                order.NullOrdering = SortOrder.Types.NullOrdering.SortNullsLast;
            }
        }
        return order;
    }

    /// <summary><c>WINDOW w AS (…), …</c>: fills in every window of this query that names one.</summary>
    private void WindowClause(int firstUse)
    {
        var definitions = new Dictionary<string, Expression.Types.Window>(StringComparer.OrdinalIgnoreCase);
        do
        {
            var name = Identifier();
            ExpectWord("AS");
            ExpectSymbol("(");
            var definition = new Expression.Types.Window();
            if (AtIdentifier && PeekAt(1).IsSymbol(")") && definitions.TryGetValue(Current.Text, out var earlier))
            {
                Advance();
                definition = earlier;
            }
            else
                WindowSpecification(definition);
            ExpectSymbol(")");
            if (definitions.ContainsKey(name))
                throw new LocalEngineException("INVALID_SQL_SYNTAX.REPETITIVE_WINDOW_DEFINITION", "42000",
                    $"Invalid SQL syntax: The definition of window `{name}` is repetitive.", new Dictionary<string, string> { ["windowName"] = $"`{name}`" });
            definitions[name] = definition;
        }
        while (AcceptSymbol(","));
        ApplyWindows(firstUse, definitions);
    }

    /// <summary>Fills the uses since <paramref name="firstUse"/>; a name with no definition is Spark's error.</summary>
    private void ApplyWindows(int firstUse, Dictionary<string, Expression.Types.Window> definitions)
    {
        for (var i = firstUse; i < _namedWindowUses.Count; i++)
        {
            var (window, name, _) = _namedWindowUses[i];
            if (!definitions.TryGetValue(name, out var definition))
                throw new LocalEngineException("MISSING_WINDOW_SPECIFICATION", "42P20",
                    $"Window specification {name} is not defined in the WINDOW clause for the query. Please add it to the WINDOW clause.",
                    new Dictionary<string, string> { ["windowName"] = name });
            window.PartitionSpec.AddRange(definition.PartitionSpec.Select(e => e.Clone()));
            window.OrderSpec.AddRange(definition.OrderSpec.Select(e => e.Clone()));
            if (definition.FrameSpec is not null)
                window.FrameSpec = definition.FrameSpec.Clone();
        }
        _namedWindowUses.RemoveRange(firstUse, _namedWindowUses.Count - firstUse);
    }
}
