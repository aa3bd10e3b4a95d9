namespace Spark.Linq;

/// <summary>
/// A Spark query: what <see cref="SparkSession.Table{T}()"/>, <see cref="SparkSession.Sql{T}"/> and
/// <see cref="SparkSession.CreateDataFrame{T}"/> return, and what every operator Spark.Linq translates
/// (<c>Where</c>, <c>Select</c>, <c>Join</c>, <c>GroupBy</c>, <c>OrderBy</c>, <c>Take</c>, …) keeps returning.
/// </summary>
/// <remarks>
/// The async operators of <c>Spark.Linq</c> (<c>ToListAsync</c>, <c>CountAsync</c>, …) take this type rather
/// than <see cref="IQueryable{T}"/>, so that a file which also imports another provider's async operators
/// on <see cref="IQueryable{T}"/> (Entity Framework Core's) binds each call without ambiguity: Spark's for
/// Spark queries (the more specific type), the other provider's for its own queries. Only Spark.Linq
/// creates queries of this type; a plain <see cref="IQueryable{T}"/> that holds a Spark query becomes one
/// again with <see cref="SparkQueryableOperators.AsSparkQueryable{T}"/>.
/// </remarks>
/// <typeparam name="T">The type of the rows.</typeparam>
public interface ISparkQueryable<out T> : IQueryable<T>;

/// <summary>A Spark query just ordered by <c>OrderBy</c>/<c>OrderByDescending</c>, to which <c>ThenBy</c> adds keys.</summary>
/// <typeparam name="T">The type of the rows.</typeparam>
public interface ISparkOrderedQueryable<out T> : ISparkQueryable<T>, IOrderedQueryable<T>;
