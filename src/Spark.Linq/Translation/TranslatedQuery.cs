using Spark.Connect;
using Spark.Connect.Protocol;

namespace Spark.Linq.Translation;

/// <summary>The outcome of translating one query: the relation to run, the shape of its rows and how to read the result.</summary>
internal sealed record TranslatedQuery(Relation Relation, ValueShape Row, QueryResultKind ResultKind, Type ResultType)
{
    /// <summary>The CLR type of each literal in <see cref="Plans.PlanWalk"/> order (null where unknown), for plan snapshots.</summary>
    public IReadOnlyList<Type?> LiteralTypes { get; init; } = [];
}
