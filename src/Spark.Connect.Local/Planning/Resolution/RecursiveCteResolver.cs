using System.Globalization;
using Spark.Connect.Local.Planning.Rendering;
using Spark.Connect.Local.Planning.Sql;
using SetOpType = Spark.Connect.Protocol.SetOperation.Types.SetOpType;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// A <c>WITH RECURSIVE</c> definition, run as Spark 4.1's UnionLoop runs it: the anchor is level 1; each further level
/// is the recursive term over the previous level's rows only; the run stops at the first empty level. Each level is
/// written to a temporary table of the session (<see cref="IPlanningSession.NewRecursionTable"/>) while planning, and
/// the CTE reads that table. Spark's bounds hold: more than <c>spark.sql.cteRecursionLevelLimit</c> levels (100, or the
/// definition's <c>MAX RECURSION LEVEL</c>) → <c>RECURSION_LEVEL_LIMIT_EXCEEDED</c>; reaching
/// <c>spark.sql.cteRecursionRowLimit</c> rows (1,000,000) → <c>RECURSION_ROW_LIMIT_EXCEEDED</c>, unless a LIMIT over the
/// CTE bounds the run (then it stops once that many rows exist), so nothing runs unbounded.
/// </summary>
internal static class RecursiveCteResolver
{
    private const string LevelColumn = "__level";

    internal static LogicalPlan Resolve(RelationResolver resolver, Relation relation, RecursiveCte.Definition definition)
    {
        var (anchorRelation, recursiveRelation) = Terms(definition);
        var anchor = resolver.Input(anchorRelation);
        if (RecursiveReferencePlaces.Reads(anchorRelation, definition.Id))
            throw InvalidDefinition();
        if (definition.Columns.Count > 0 && definition.Columns.Count != anchor.Output.Count)
            throw new LocalEngineException("ASSIGNMENT_ARITY_MISMATCH", "42802",
                $"The number of columns or variables assigned or referenced: {anchor.Output.Count} does not match the number of source expressions: {definition.Columns.Count}.",
                new Dictionary<string, string>
                {
                    ["numTarget"] = anchor.Output.Count.ToString(CultureInfo.InvariantCulture),
                    ["numExpr"] = definition.Columns.Count.ToString(CultureInfo.InvariantCulture),
                });
        RecursiveReferencePlaces.Check(recursiveRelation, definition.Id);
        var names = definition.Columns.Count > 0 ? definition.Columns : anchor.Output.Select(c => c.Name).ToList();
        var types = anchor.Output.Select(c => c.Type).ToList();
        var nullable = anchor.Output.Select(c => c.Nullable).ToArray();

        var session = resolver.Context.Planning.Session;
        var levelLimit = definition.MaxLevel ?? Setting(session, "spark.sql.cteRecursionLevelLimit", 100);
        var rowLimit = Setting(session, "spark.sql.cteRecursionRowLimit", 1_000_000);
        int? userLimit = resolver.Context.RecursionLimits.TryGetValue(relation, out var pushed) ? pushed : null;
        var currentLimit = (long)(userLimit ?? rowLimit);
        var capped = rowLimit != -1 || userLimit is not null;

        var table = CreateRunTable(session, types);
        var previousCount = Insert(resolver, table, anchor, 1, capped ? currentLimit : null);
        var level = 1;
        var limitReached = false;
        while (previousCount > 0 && !limitReached)
        {
            if (levelLimit != -1 && level > levelLimit)
                throw new LocalEngineException("RECURSION_LEVEL_LIMIT_EXCEEDED", "42836",
                    $"Recursion level limit {levelLimit} reached but query has not exhausted, try increasing it like 'WITH RECURSIVE t(col) MAX RECURSION LEVEL 200'.",
                    new Dictionary<string, string> { ["levelLimit"] = levelLimit.ToString(CultureInfo.InvariantCulture) });
            if (rowLimit != -1)
            {
                currentLimit -= previousCount;
                if (currentLimit <= 0)
                {
                    limitReached = userLimit is not null ? true : throw new LocalEngineException("RECURSION_ROW_LIMIT_EXCEEDED", "42836",
                        $"Recursion row limit {rowLimit} reached but query has not exhausted, try setting a larger LIMIT value when querying the CTE relation.",
                        new Dictionary<string, string> { ["rowLimit"] = rowLimit.ToString(CultureInfo.InvariantCulture) });
                }
            }
            if (limitReached)
                break;
            var step = ResolveLevel(resolver, recursiveRelation, new RecursionLevel(table, level, names, types), definition.Id);
            for (var i = 0; i < nullable.Length; i++)
                nullable[i] |= step.Output[i].Nullable;
            level++;
            previousCount = Insert(resolver, table, CastTo(resolver, step, types), level, capped ? currentLimit : null);
        }
        var output = names.Select((name, i) => resolver.Context.NewColumn(name, types[i], nullable[i])).ToList();
        return new ScanPlan(RelationResolver.PlanId(relation), output, ReadAll(table, types.Count));
    }

    /// <summary>A new temporary table of the session for rows of <paramref name="types"/>, each row with the level that wrote it.</summary>
    internal static string CreateRunTable(IPlanningSession session, IReadOnlyList<DataType> types)
    {
        var table = session.NewRecursionTable();
        var columns = string.Join(", ", types.Select((t, i) => $"{ColumnName(i)} {DuckDbTypeNames.FromSpark(t)}"));
        session.Connection.ExecuteNonQuery($"CREATE TEMP TABLE {SqlIdentifiers.Quote(table)} ({columns}, {SqlIdentifiers.Quote(LevelColumn)} INTEGER)");
        return table;
    }

    /// <summary>The query reading every row of a run table (without its level column).</summary>
    internal static string ReadAll(string table, int columns) =>
        $"SELECT {string.Join(", ", Enumerable.Range(0, columns).Select(ColumnName))} FROM {SqlIdentifiers.Quote(table)}";

    /// <summary>A reference inside the definition's own query: the previous level's rows; outside a run (in the anchor), no columns.</summary>
    internal static LogicalPlan Reference(RelationResolver resolver, Relation relation, long id)
    {
        if (!resolver.Context.RecursionLevels.TryGetValue(id, out var level))
            return new ScanPlan(RelationResolver.PlanId(relation), [], "SELECT 1 WHERE false");
        var output = level.Names.Select((name, i) => resolver.Context.NewColumn(name, level.Types[i], true)).ToList();
        var read = $"SELECT {string.Join(", ", level.Types.Select((_, i) => ColumnName(i)))} FROM {SqlIdentifiers.Quote(level.Table)} " +
            $"WHERE {SqlIdentifiers.Quote(LevelColumn)} = {level.Level.ToString(CultureInfo.InvariantCulture)}";
        return new ScanPlan(RelationResolver.PlanId(relation), output, read);
    }

    /// <summary>A LIMIT whose input is, through projections and aliases, a recursive CTE bounds that CTE's run (Spark's limit push-down).</summary>
    internal static void PushLimit(RelationResolver resolver, Relation? input, int count)
    {
        var current = input;
        while (current is not null)
        {
            if (RecursiveCte.TryReadDefinition(current) is not null)
            {
                resolver.Context.RecursionLimits[current] = count;
                return;
            }
            // LIMIT n OFFSET m needs the first n + m rows (Spark pushes Limit(n + m) below the Offset).
            if (current.RelTypeCase == Relation.RelTypeOneofCase.Offset && current.Offset.Offset_ > 0)
                count = (int)Math.Min(int.MaxValue, (long)count + current.Offset.Offset_);
            current = current.RelTypeCase switch
            {
                Relation.RelTypeOneofCase.Project when current.Project.Input is { } next => next,
                Relation.RelTypeOneofCase.Offset => current.Offset.Input,
                Relation.RelTypeOneofCase.SubqueryAlias => current.SubqueryAlias.Input,
                _ => null,
            };
        }
    }

    /// <summary>The anchor and the recursive term: the definition's query must be anchor UNION ALL recursive term.</summary>
    private static (Relation Anchor, Relation Recursive) Terms(RecursiveCte.Definition definition)
    {
        if (definition.Query.SetOp is not { SetOpType: SetOpType.Union, ByName: false } union)
            throw InvalidDefinition();
        if (!union.IsAll)
            throw new LocalEngineException("UNION_NOT_SUPPORTED_IN_RECURSIVE_CTE", "42836",
                "The UNION operator is not yet supported within recursive common table expressions (WITH clauses that refer to themselves, directly or indirectly). Please use UNION ALL instead.");
        return (union.LeftInput, union.RightInput);
    }

    private static LogicalPlan ResolveLevel(RelationResolver resolver, Relation recursive, RecursionLevel level, long id)
    {
        var outer = resolver.Context.RecursionLevels.GetValueOrDefault(id);
        resolver.Context.RecursionLevels[id] = level;
        try
        {
            var step = resolver.Input(recursive);
            return step.Output.Count == level.Types.Count ? step : throw new LocalEngineException("NUM_COLUMNS_MISMATCH", "42826",
                $"UNION ALL can only be performed on inputs with the same number of columns, but the first input has {level.Types.Count} columns and the second input has {step.Output.Count} columns.");
        }
        finally
        {
            if (outer is null)
                resolver.Context.RecursionLevels.Remove(id);
            else
                resolver.Context.RecursionLevels[id] = outer;
        }
    }

    /// <summary>The recursive term's columns cast to the anchor's types (the CTE's types), with Spark's casts.</summary>
    private static LogicalPlan CastTo(RelationResolver resolver, LogicalPlan step, IReadOnlyList<DataType> types)
    {
        if (step.Output.Select(c => c.Type).SequenceEqual(types))
            return step;
        var items = step.Output.Select((column, i) =>
        {
            ResolvedExpression value = ResolvedCalls.Column(column);
            if (!column.Type.Equals(types[i]))
                value = new CastExpression(value, types[i], false, new Expression { Cast = new Expression.Types.Cast { Type = types[i] } });
            return new NamedExpression(value, resolver.Context.NewColumn(column.Name, types[i], column.Nullable));
        }).ToList();
        return new ProjectPlan(null, step, items);
    }

    /// <summary>Writes a level's rows (at most <paramref name="cap"/>) to the run table and returns how many it wrote.</summary>
    internal static long Insert(RelationResolver resolver, string table, LogicalPlan plan, int level, long? cap)
    {
        var session = resolver.Context.Planning.Session;
        var context = new PlanningContext(session, resolver.Context.Planning.FunctionOverride);
        var query = PlanSql.Render(plan, context);
        var limit = cap is { } rows ? $" LIMIT {rows.ToString(CultureInfo.InvariantCulture)}" : "";
        var text = $"INSERT INTO {SqlIdentifiers.Quote(table)} SELECT *, {level.ToString(CultureInfo.InvariantCulture)} FROM ({query}) AS {context.NextAlias()}{limit}";
        using (var statement = LocalPlanner.Prepare(session.Connection, LocalPlanner.Compact(text, context.Parameters)))
        using (statement.Execute())
        {
        }
        using var result = session.Connection.Query(
            $"SELECT count(*) FROM {SqlIdentifiers.Quote(table)} WHERE {SqlIdentifiers.Quote(LevelColumn)} = {level.ToString(CultureInfo.InvariantCulture)}");
        using var chunk = result.FetchChunk() ?? throw new InvalidOperationException("count(*) returned no rows.");
        return chunk.GetVector(0).GetData<long>()[0];
    }

    private static int Setting(IPlanningSession session, string key, int fallback) =>
        session.Setting(key) is { } text && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string ColumnName(int index) => SqlIdentifiers.Quote("c" + index.ToString(CultureInfo.InvariantCulture));

    private static LocalEngineException InvalidDefinition() => new("INVALID_RECURSIVE_CTE", "42836",
        "Invalid recursive definition found. Recursive queries must contain an UNION or an UNION ALL statement with 2 children. The first child needs to be the anchor term without any recursive references.");
}
