using System.ComponentModel.DataAnnotations.Schema;

namespace Spark.Linq.Tests.Nested;

/// <summary>A line of a cart: an element of an array of structs.</summary>
public sealed record CartLine(string Sku, int Qty, [property: Column("unit_price")] decimal Price);

/// <summary>A row with array, list and map columns of the shapes the nested-data translators handle.</summary>
[Table("carts")]
public sealed class Cart
{
    public long Id { get; set; }
    public int Size { get; set; }
    public int[] Counts { get; set; } = [];
    public List<string> Items { get; set; } = [];
    public List<string?> Tags { get; set; } = [];
    public int?[] Maybe { get; set; } = [];
    public IReadOnlyList<double> Weights { get; set; } = [];
    public IEnumerable<long> Seq { get; set; } = [];
    public List<CartLine> Lines { get; set; } = [];
    public List<List<int>> Grid { get; set; } = [];
    public Dictionary<string, int> Stock { get; set; } = [];
    public IReadOnlyDictionary<string, string?> Labels { get; set; } = new Dictionary<string, string?>();
    public byte[] Payload { get; set; } = [];
}

/// <summary>Plan tests over <see cref="Cart"/>.</summary>
public abstract class NestedPlanTestBase : PlanTestBase
{
    protected IQueryable<Cart> Carts => Spark.Table<Cart>();

    /// <summary>
    /// The printed expression of <c>Select(x => new { V = selector(x) })</c>; with <paramref name="final"/> false the
    /// Select is followed by <c>Distinct()</c>, so it must translate (a final Select may run parts on the client).
    /// </summary>
    protected string Plan<T>(System.Linq.Expressions.Expression<Func<Cart, T>> selector, bool final = true) =>
        Plans.ExpressionPrinter.Print(Expression(selector, final));

    /// <summary>The Spark expression of <c>Select(x => new { V = selector(x) })</c>.</summary>
    protected Spark.Connect.Protocol.Expression Expression<T>(System.Linq.Expressions.Expression<Func<Cart, T>> selector, bool final = true)
    {
        var parameter = selector.Parameters[0];
        var body = System.Linq.Expressions.Expression.New(typeof(Tuple<T>).GetConstructor([typeof(T)])!, [selector.Body], typeof(Tuple<T>).GetProperty("Item1")!);
        var projection = System.Linq.Expressions.Expression.Lambda<Func<Cart, Tuple<T>>>(body, parameter);
        var query = Carts.Select(projection);
        var project = final ? query.ToRelation().Project : query.Distinct().ToRelation().Deduplicate.Input.Project;
        return project.Expressions[0].Alias.Expr;
    }
}
