using Spark.Connect;
using Spark.Connect.Protocol;
using SortOrder = Spark.Connect.Protocol.Expression.Types.SortOrder;

namespace Spark.Linq.Translation;

/// <summary>
/// The query translated so far: the relation, the shape of its rows, and the ordering in force
/// (kept so that ThenBy can extend it and Last can reverse it).
/// </summary>
internal sealed record QueryState(Relation Relation, ValueShape Row)
{
    /// <summary>The sort keys of the ordering in force, or empty when the rows are unordered.</summary>
    public IReadOnlyList<SortOrder> Ordering { get; init; } = [];

    /// <summary>The input of the Sort that established <see cref="Ordering"/>, so ThenBy can rebuild it with one more key.</summary>
    public Relation? SortInput { get; init; }

    /// <summary>
    /// Where ThenBy inserts its key: after the keys of the latest OrderBy chain, before the keys of an
    /// earlier ordering that only breaks ties (LINQ's OrderBy is a stable sort).
    /// </summary>
    public int ThenByPosition { get; init; }

    /// <summary>
    /// True when <see cref="Row"/> is made of expressions over the relation's columns (a join's result
    /// selector, not projected yet) rather than the relation's own columns. Operators that need the
    /// row as columns (Distinct, set operations, reading results) project it first.
    /// </summary>
    public bool Inline { get; init; }

    /// <summary>
    /// Set by a final Select that leaves part of its work to the client: the rows' columns are that
    /// part's inputs, and only Skip, Take and the terminal operators that keep or count rows may follow.
    /// </summary>
    public ClientEvaluation.ClientRows? Client { get; init; }
}

/// <summary>What the caller gets back from running a translated query.</summary>
internal enum QueryResultKind
{
    /// <summary>All rows (enumeration, ToList…).</summary>
    Sequence,
    /// <summary>The first row; fails when there is none (First, ElementAt, Last).</summary>
    First,
    /// <summary>The first row, or default when there is none.</summary>
    FirstOrDefault,
    /// <summary>The only row; fails when there are none or several (the plan fetches at most two).</summary>
    Single,
    /// <summary>The only row or default; fails when there are several.</summary>
    SingleOrDefault,
    /// <summary>One value computed by a global aggregate (Count, Sum, Any…): one row, one column.</summary>
    Scalar,
    /// <summary>A Min/Max/Average over a non-nullable type: one value, and an empty input is an error as in LINQ.</summary>
    ScalarNonEmpty,
}
