using Spark.Linq.Translation;

namespace Spark.Linq.Execution;

/// <summary>Turns the rows a terminal operator fetched into its result, with LINQ-to-Objects' errors.</summary>
internal static class ResultReader
{
    public static T Read<T>(QueryResultKind kind, IReadOnlyList<T> rows) => kind switch
    {
        QueryResultKind.First => rows.Count > 0 ? rows[0] : throw NoElements(),
        QueryResultKind.FirstOrDefault => rows.Count > 0 ? rows[0] : default!,
        QueryResultKind.Single => rows.Count switch { 0 => throw NoElements(), 1 => rows[0], _ => throw MoreThanOne() },
        QueryResultKind.SingleOrDefault => rows.Count switch { 0 => default!, 1 => rows[0], _ => throw MoreThanOne() },
        // A global aggregate always answers one row; Min/Max/Average of nothing is null there.
        QueryResultKind.Scalar => rows.Count > 0 ? rows[0] : default!,
        _ => throw new InvalidOperationException($"A {kind} query has no single result."),
    };

    public static InvalidOperationException NoElements() => new("Sequence contains no elements");

    private static InvalidOperationException MoreThanOne() => new("Sequence contains more than one element");
}
