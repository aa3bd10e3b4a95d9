using Spark.Linq.EndToEnd.Tests.Differential;

namespace Spark.Linq.EndToEnd.Tests.Corpus;

/// <summary>
/// The differential corpus: LINQ queries over the sales dataset, one family per file. Each case is
/// written once and run by LINQ-to-Objects and by Spark.Linq. Cases whose answer depends on row
/// order order totally (the last key is a unique id); others compare as multisets.
/// </summary>
public static partial class SalesCorpus
{
    public static IReadOnlyList<DifferentialCase> All { get; } =
    [
        .. Filters(), .. NullSemantics(), .. Projections(), .. Ordering(), .. Terminals(), .. Aggregates(),
        .. Strings(), .. MathFunctions(), .. Dates(), .. Conversions(), .. LocalData(),
        .. Grouping(), .. Joins(), .. SetOperations(), .. Subqueries(), .. Correlated(), .. Windows(), .. Nested(), .. Arrays(), .. Maps(), .. NestedReshape(), .. MapEntries(), .. OperatorOrder(), .. Deep(),
        .. ClientProjections(), .. RowSelection(),
    ];

    public static IEnumerable<TestCaseData> TestCases =>
        All.Select(query => new TestCaseData(query).SetArgDisplayNames(query.Name));

    /// <summary>A query whose rows compare as a multiset.</summary>
    private static DifferentialCase Rows<T>(string name, Func<SalesSources, IQueryable<T>> query) =>
        new SequenceCase<T>(name, ordered: false, query);

    /// <summary>A query whose rows compare in order.</summary>
    private static DifferentialCase InOrder<T>(string name, Func<SalesSources, IQueryable<T>> query) =>
        new SequenceCase<T>(name, ordered: true, query);

    /// <summary>A query that ends in one value (or throws).</summary>
    private static DifferentialCase Value<T>(string name, Func<SalesSources, T> query) => new ValueCase<T>(name, query);
}
