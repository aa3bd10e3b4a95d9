// The corpus holds its queries as IQueryable<T>, shared with LINQ-to-Objects, so Spark's side runs them with
// the IQueryable<T> operators of Spark.Linq.PlainQueryable.
using Spark.Linq.PlainQueryable;

namespace Spark.Linq.EndToEnd.Tests.Differential;

/// <summary>What one side produced: rows, a single value, or the type of the exception it threw.</summary>
public sealed record Outcome(IReadOnlyList<object?> Rows, Type? Exception)
{
    public static Outcome Of(IEnumerable<object?> rows) => new(rows.ToList(), null);

    public static Outcome Threw(Exception exception) => new([], exception.GetType());
}

/// <summary>One query of the corpus, run by LINQ-to-Objects and by Spark.Linq.</summary>
public abstract class DifferentialCase(string name, bool ordered)
{
    public string Name { get; } = name;

    /// <summary>Whether row order is part of the answer (the query orders totally).</summary>
    public bool Ordered { get; } = ordered;

    public abstract Outcome RunObjects(SalesSources sources);

    public abstract Task<Outcome> RunSparkAsync(SalesSources sources, CancellationToken cancellationToken);

    public override string ToString() => Name;
}

/// <summary>A query that returns rows: Spark's side is read with <c>ToListAsync</c>.</summary>
public sealed class SequenceCase<T>(string name, bool ordered, Func<SalesSources, IQueryable<T>> query)
    : DifferentialCase(name, ordered)
{
    public override Outcome RunObjects(SalesSources sources) => Outcome.Of(query(sources).ToList().Cast<object?>());

    public override async Task<Outcome> RunSparkAsync(SalesSources sources, CancellationToken cancellationToken) =>
        Outcome.Of((await query(sources).ToListAsync(cancellationToken)).Cast<object?>());
}

/// <summary>
/// A query that ends in one value (Count, First, Sum, …), run through the provider's synchronous
/// Execute on both sides. Where LINQ-to-Objects throws (no elements, more than one), Spark.Linq must
/// throw the same exception type.
/// </summary>
public sealed class ValueCase<T>(string name, Func<SalesSources, T> query) : DifferentialCase(name, ordered: true)
{
    public override Outcome RunObjects(SalesSources sources) => Run(sources);

    public override Task<Outcome> RunSparkAsync(SalesSources sources, CancellationToken cancellationToken) =>
        Task.Run(() => Run(sources), cancellationToken);

    private Outcome Run(SalesSources sources)
    {
        try
        {
            return Outcome.Of([query(sources)]);
        }
        catch (InvalidOperationException e)
        {
            return Outcome.Threw(e);
        }
    }
}

/// <summary>
/// A query written twice: with Spark-only functions (window functions have no LINQ-to-Objects
/// meaning) and as the plain LINQ that computes the same rows in memory.
/// </summary>
public sealed class EquivalentCase<T>(string name, bool ordered, Func<SalesSources, IQueryable<T>> spark, Func<SalesSources, IEnumerable<T>> objects)
    : DifferentialCase(name, ordered)
{
    public override Outcome RunObjects(SalesSources sources) => Outcome.Of(objects(sources).ToList().Cast<object?>());

    public override async Task<Outcome> RunSparkAsync(SalesSources sources, CancellationToken cancellationToken) =>
        Outcome.Of((await spark(sources).ToListAsync(cancellationToken)).Cast<object?>());
}
