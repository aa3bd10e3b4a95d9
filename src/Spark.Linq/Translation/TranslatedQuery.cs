using Spark.Connect;
using Spark.Connect.Protocol;

namespace Spark.Linq.Translation;

/// <summary>The outcome of translating one query: the relation to run, the shape of its rows and how to read the result.</summary>
internal sealed record TranslatedQuery(Relation Relation, ValueShape Row, QueryResultKind ResultKind, Type ResultType)
{
    /// <summary>When the final Select is partly evaluated on the client: that part, which turns each fetched row into a result.</summary>
    public ClientEvaluation.ClientRows? Client { get; init; }

    /// <summary>Where each literal's value came from, in <see cref="Plans.PlanWalk"/> order, for plan snapshots and rendered SQL.</summary>
    public IReadOnlyList<Plans.LiteralSource> LiteralSources { get; init; } = [];
}
