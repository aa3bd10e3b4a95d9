namespace Spark.Connect.Local.Planning;

/// <summary>
/// A planned relation as its parent sees it: a FROM item (one aliased table or subquery, or a chain of
/// joined items), the scope that resolves plan ids inside it, filters still to apply, and what <c>*</c>
/// means over it. Joins and filters stay "open" (not wrapped in a subquery) so a parent can still qualify
/// the columns of each join side by that side's alias; everything else is one complete query under one alias.
/// </summary>
/// <param name="From">The FROM item's SQL.</param>
/// <param name="Scope">Plan id → alias for the columns visible through this source.</param>
/// <param name="Where">Conditions (already rendered) still to apply to <paramref name="From"/>.</param>
/// <param name="Star">What selects every column: <c>*</c>, or an explicit list for USING joins.</param>
/// <param name="OwnQuery">The query this source wraps, so a root or a parent that needs a whole query doesn't wrap it twice.</param>
/// <param name="Alias">The single FROM item's alias (quoted); null for a join.</param>
internal sealed record Source(string From, Scope Scope, IReadOnlyList<string> Where, string Star, string? OwnQuery, string? Alias)
{
    private readonly IReadOnlyCollection<string>? _aliases;

    /// <summary>True for a join chain (several aliases in one FROM).</summary>
    internal bool IsJoin => Alias is null;

    /// <summary>Every alias this FROM item declares (one, or each side of a join chain), to keep a join's aliases distinct.</summary>
    internal IReadOnlyCollection<string> Aliases
    {
        get => _aliases ?? (Alias is null ? [] : [Alias]);
        init => _aliases = value;
    }

    /// <summary>A complete query under a fresh alias; the plan ids of <paramref name="inner"/> and <paramref name="planId"/> resolve to it.</summary>
    internal static Source FromQuery(PlanningContext context, string query, long? planId, Scope inner)
    {
        var alias = context.NextAlias();
        return new Source($"({query}) AS {alias}", Scope.Wrap(inner, planId, alias), [], "*", query, alias);
    }

    /// <summary>Sort keys still to apply (a Sort kept open so a Project above it can still see every join side).</summary>
    internal IReadOnlyList<OrderKey> Order { get; init; } = [];

    /// <summary>A row limit still to apply after <see cref="Order"/>.</summary>
    internal int? Limit { get; init; }

    /// <summary>Rows still to skip (applied before <see cref="Limit"/>, as SQL does).</summary>
    internal int? Offset { get; init; }

    /// <summary>True when ORDER BY, LIMIT or OFFSET are still pending.</summary>
    internal bool HasModifiers => Order.Count > 0 || Limit is not null || Offset is not null;

    /// <summary>This source as one complete SELECT statement.</summary>
    internal string ToQuery() => OwnQuery ?? $"SELECT {Star} FROM {From}{WhereClause}{ModifierClause()}";

    /// <summary><c> ORDER BY … LIMIT n OFFSET m</c> for what is pending; <paramref name="orderBy"/> replaces the keys' own SQL (hidden sort columns).</summary>
    internal string ModifierClause(IReadOnlyList<string>? orderBy = null)
    {
        var keys = orderBy ?? Order.Select(k => k.Sql).ToList();
        var clause = keys.Count == 0 ? "" : " ORDER BY " + string.Join(", ", keys.Select((k, i) => $"{k} {Order[i].Direction}"));
        if (Limit is { } limit)
            clause += " LIMIT " + limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Offset is { } offset)
            clause += " OFFSET " + offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return clause;
    }

    /// <summary><c> WHERE a AND b</c>, or nothing.</summary>
    internal string WhereClause => Where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", Where.Select(w => "(" + w + ")"));

    /// <summary>The same rows under one more plan id (a pass-through node such as a hint or a filter).</summary>
    internal Source WithPlanId(long? planId) => this with { Scope = Scope.With(planId, Alias ?? Scope.Unqualified) };
}

/// <summary>One pending sort key: its SQL, <c>ASC|DESC NULLS FIRST|LAST</c>, and the Spark expression it came from.</summary>
internal sealed record OrderKey(string Sql, string Direction, Expression Source);
