namespace Spark.Linq.Testing;

/// <summary>
/// Rows to load into a <see cref="SparkTestSession"/> as a table of that session only:
/// <c>SparkTestTable.Of("orders", orders)</c>, or <c>SparkTestTable.Of(orders)</c> for the name <c>spark.Table&lt;T&gt;()</c> reads.
/// </summary>
public abstract class SparkTestTable
{
    private protected SparkTestTable()
    {
    }

    /// <summary>Rows of <typeparamref name="T"/> as table <paramref name="name"/> (one part, e.g. <c>orders</c>).</summary>
    public static SparkTestTable Of<T>(string name, IEnumerable<T> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rows);
        return new Rows<T>(name, rows);
    }

    /// <summary>Rows of <typeparamref name="T"/> under the name <c>spark.Table&lt;T&gt;()</c> reads (<c>[Table]</c> or the type's name).</summary>
    public static SparkTestTable Of<T>(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new Rows<T>(null, rows);
    }

    internal abstract Task CreateAsync(SparkSession session, CancellationToken cancellationToken);

    private sealed class Rows<T>(string? name, IEnumerable<T> rows) : SparkTestTable
    {
        internal override Task CreateAsync(SparkSession session, CancellationToken cancellationToken) =>
            session.CreateTempViewAsync(name ?? SparkTestData.TableNameOf<T>(session), rows, cancellationToken);

        public override string ToString() => $"{name ?? typeof(T).Name} ({typeof(T).Name} rows)";
    }
}
