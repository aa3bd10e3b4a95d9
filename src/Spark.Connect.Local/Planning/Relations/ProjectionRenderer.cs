using Spark.Connect.Local.Planning.Expressions;

namespace Spark.Connect.Local.Planning.Relations;

/// <summary>Relations that change the column list: Project, WithColumns, WithColumnsRenamed, ToDF, Drop.</summary>
internal static class ProjectionRenderer
{
    internal static Source Project(RelationRenderer renderer, Relation relation)
    {
        var project = relation.Project;
        // A Project without input evaluates its expressions once (Spark's "SELECT 1").
        var input = project.Input is { RelTypeCase: not Relation.RelTypeOneofCase.None }
            ? renderer.OrderedInput(project.Input)
            : new Source("", Scope.Empty, [], "*", null, null);
        if (project.Expressions.Count == 0)
            throw new LocalEngineException("INVALID_PLAN", "XX000", "A Project relation selects no expressions.");
        var expressions = renderer.Expressions(input);
        var items = project.Expressions.Select(expressions.SelectItem).ToList();
        var from = input.From.Length == 0 ? "" : $" FROM {input.From}{input.WhereClause}";
        return renderer.Wrap(OrderedSelect(renderer, project, items, from, input), relation, input);
    }

    /// <summary>
    /// The Project's SELECT with its input's pending ORDER BY / LIMIT / OFFSET. Sort keys are written as they
    /// are when no bare column name in them could be captured by one of the Project's own output names (SQL
    /// lets ORDER BY see select aliases, Spark sorts below the Project); otherwise they travel as hidden
    /// select items that an outer query drops again.
    /// </summary>
    private static string OrderedSelect(RelationRenderer renderer, Project project, List<string> items, string from, Source input)
    {
        if (input.Order.Count == 0 || !CouldCapture(project, input.Order))
            return $"SELECT {string.Join(", ", items)}{from}{input.ModifierClause()}";
        var hidden = input.Order.Select((_, i) => SqlIdentifiers.Quote("__spark_local_order_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var inner = $"SELECT {string.Join(", ", items.Concat(input.Order.Select((k, i) => $"{k.Sql} AS {hidden[i]}")))}{from}{input.ModifierClause(hidden)}";
        return $"SELECT * EXCLUDE ({string.Join(", ", hidden)}) FROM ({inner}) AS {renderer.Context.NextAlias()}";
    }

    /// <summary>True when a sort key uses a bare column name that one of the Project's computed or renamed outputs also has.</summary>
    private static bool CouldCapture(Project project, IReadOnlyList<OrderKey> order)
    {
        var outputs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in project.Expressions)
        {
            var passesThrough = item.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedStar
                || item is { ExprTypeCase: Expression.ExprTypeOneofCase.UnresolvedAttribute, UnresolvedAttribute.HasPlanId: false };
            if (!passesThrough)
                outputs.Add(ColumnNamer.Name(item));
        }
        return order.SelectMany(k => BareAttributes(k.Source)).Any(outputs.Contains);
    }

    /// <summary>The first name part of every attribute without a plan id in <paramref name="message"/>, at any depth.</summary>
    private static IEnumerable<string> BareAttributes(Google.Protobuf.IMessage message)
    {
        if (message is Expression.Types.UnresolvedAttribute { HasPlanId: false } attribute)
        {
            yield return MultipartIdentifier.Parse(attribute.UnparsedIdentifier)[0];
            yield break;
        }
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType != Google.Protobuf.Reflection.FieldType.Message)
                continue;
            var value = field.Accessor.GetValue(message);
            var children = field.IsRepeated ? ((System.Collections.IEnumerable)value).Cast<object>() : [value];
            foreach (var child in children.OfType<Google.Protobuf.IMessage>())
            {
                foreach (var name in BareAttributes(child))
                    yield return name;
            }
        }
    }

    /// <summary>Adds columns, or replaces those with the same name (compared case-insensitively, as Spark does).</summary>
    internal static Source WithColumns(RelationRenderer renderer, Relation relation)
    {
        var input = renderer.Flatten(renderer.Input(relation.WithColumns.Input));
        var existing = Lookup(renderer.ColumnNames(input));
        var expressions = renderer.Expressions(input);
        var replaced = new List<string>();
        var added = new List<string>();
        foreach (var alias in relation.WithColumns.Aliases)
        {
            if (alias.Name.Count != 1)
                throw LocalEngineException.Unsupported("withColumns with a multi-part name", "Give each new column one name.");
            var sql = expressions.Render(alias.Expr);
            if (existing.TryGetValue(alias.Name[0], out var current))
                replaced.Add($"{sql} AS {SqlIdentifiers.Quote(current)}");
            else
                added.Add($"{sql} AS {SqlIdentifiers.Quote(alias.Name[0])}");
        }
        var star = replaced.Count == 0 ? input.Star : $"{input.Star} REPLACE ({string.Join(", ", replaced)})";
        var items = string.Join(", ", added.Prepend(star));
        return renderer.Wrap($"SELECT {items} FROM {input.From}{input.WhereClause}", relation, input);
    }

    /// <summary>Renames columns; names that aren't columns are ignored, as in Spark.</summary>
    internal static Source WithColumnsRenamed(RelationRenderer renderer, Relation relation)
    {
        var rename = relation.WithColumnsRenamed;
        var input = renderer.Flatten(renderer.Input(rename.Input));
        var existing = Lookup(renderer.ColumnNames(input));
        var pairs = rename.Renames.Select(r => (r.ColName, r.NewColName))
            .Concat(rename.RenameColumnsMap.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (ColName: p.Key, NewColName: p.Value)))
            .Where(p => existing.ContainsKey(p.ColName))
            .Select(p => $"{SqlIdentifiers.Quote(existing[p.ColName])} AS {SqlIdentifiers.Quote(p.NewColName)}")
            .ToList();
        if (pairs.Count == 0)
            return input.WithPlanId(RelationRenderer.PlanId(relation));
        return renderer.Wrap($"SELECT {input.Star} RENAME ({string.Join(", ", pairs)}) FROM {input.From}{input.WhereClause}", relation, input);
    }

    /// <summary>Renames every column by position; the count must match.</summary>
    internal static Source ToDF(RelationRenderer renderer, Relation relation)
    {
        var input = renderer.Input(relation.ToDf.Input);
        var names = relation.ToDf.ColumnNames;
        var count = renderer.ColumnNames(input).Count;
        if (count != names.Count)
            throw new LocalEngineException("INVALID_COLUMN_NAMES", "42000",
                $"toDF was given {names.Count} column names but the DataFrame has {count} columns.");
        var alias = renderer.Context.NextAlias();
        var from = $"({input.ToQuery()}) AS {alias}({string.Join(", ", names.Select(SqlIdentifiers.Quote))})";
        return new Source(from, Scope.Wrap(Scope.Empty, RelationRenderer.PlanId(relation), alias), [], "*", null, alias);
    }

    /// <summary>Drops columns by name; names that aren't columns are ignored, as in Spark.</summary>
    internal static Source Drop(RelationRenderer renderer, Relation relation)
    {
        var drop = relation.Drop;
        var input = renderer.Flatten(renderer.Input(drop.Input));
        var existing = Lookup(renderer.ColumnNames(input));
        var requested = drop.ColumnNames.Concat(drop.Columns.Select(c => c.ExprTypeCase == Expression.ExprTypeOneofCase.UnresolvedAttribute
            ? MultipartIdentifier.Parse(c.UnresolvedAttribute.UnparsedIdentifier)[^1]
            : throw LocalEngineException.Unsupported($"dropping a '{c.ExprTypeCase}' expression", "Drop columns by name.")));
        var dropped = requested.Where(existing.ContainsKey).Select(n => existing[n]).Distinct(StringComparer.Ordinal).ToList();
        if (dropped.Count == 0)
            return input.WithPlanId(RelationRenderer.PlanId(relation));
        return renderer.Wrap(
            $"SELECT {input.Star} EXCLUDE ({string.Join(", ", dropped.Select(SqlIdentifiers.Quote))}) FROM {input.From}{input.WhereClause}",
            relation, input);
    }

    /// <summary>Column names by their case-insensitive spelling (Spark's default resolution), first one wins.</summary>
    private static Dictionary<string, string> Lookup(IEnumerable<string> names)
    {
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
            lookup.TryAdd(name, name);
        return lookup;
    }
}
