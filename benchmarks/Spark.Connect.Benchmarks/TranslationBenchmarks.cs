using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Spark.Linq;
using SparkExpression = Spark.Connect.Protocol.Expression;

namespace Spark.Connect.Benchmarks;

/// <summary>
/// The cost of turning one 5-operator query (Read → Filter with two predicates → Sort → Project with
/// <c>upper</c> → Limit) into serialized plan bytes: built by hand with the protobuf classes (the floor),
/// written in LINQ with new captured values every call and served from the plan cache, a shape never seen
/// before, and EF Core's <c>ToQueryString()</c> on SQLite for the same query. See docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class TranslationBenchmarks
{
    private SparkSession _spark = null!;
    private OrdersContext _ef = null!;
    private int _call;
    private readonly QueryValues _values = new();
    private IQueryable<object> _prebuilt = null!;

    /// <summary>Values a query built once reads on every translation.</summary>
    private sealed class QueryValues
    {
        public double Min;
        public string Status = "";
    }

    [GlobalSetup]
    public void Connect()
    {
        // Nothing connects: a session only builds plans until a query runs.
        _spark = SparkSession.Connect("sc://localhost");
        _ef = new OrdersContext();
        var values = _values;
        _prebuilt = _spark.Table<TranslationQueries.Order>("orders").Where(o => o.Amount > values.Min && o.Status == values.Status)
            .OrderBy(o => o.Amount).Select(o => new { o.Id, Name = o.Customer.ToUpper() }).Take(20);
        var linq = TranslationQueries.Linq(_spark, "orders", 10, "open", 20).ToPlan().Root;
        if (!linq.Equals(TranslationQueries.HandBuilt(10, "open", 20)))
            throw new InvalidOperationException("The hand-built plan differs from the LINQ plan:\n" + linq);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _ef.Dispose();
        _spark.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public byte[] HandBuilt()
    {
        var call = ++_call;
        return new Plan { Root = TranslationQueries.HandBuilt(call, "s" + (call & 7), call & 63) }.ToByteArray();
    }

    /// <summary>A cache hit: same shape, new captured values every call.</summary>
    [Benchmark]
    public byte[] LinqCached()
    {
        var call = ++_call;
        return TranslationQueries.Linq(_spark, "orders", call, "s" + (call & 7), call & 63).ToPlan().ToByteArray();
    }

    /// <summary>
    /// A cache hit without building the expression tree: one query object whose captured values change between
    /// calls (Take's count is a plain int, so it stays 20): the provider's own share of <see cref="LinqCached"/>.
    /// </summary>
    [Benchmark]
    public byte[] LinqCachedPrebuiltQuery()
    {
        var call = ++_call;
        _values.Min = call;
        _values.Status = "s" + (call & 7);
        return _prebuilt.ToPlan().ToByteArray();
    }

    /// <summary>A cache miss: the table name is part of the shape, so every call is a shape never seen.</summary>
    [Benchmark]
    public byte[] LinqNewShape()
    {
        var call = ++_call;
        return TranslationQueries.Linq(_spark, "orders" + call, call, "s" + (call & 7), call & 63).ToPlan().ToByteArray();
    }

    /// <summary>EF Core 10 on SQLite: the same query to SQL text (its compiled-query cache hit), the reference users know.</summary>
    [Benchmark]
    public string EfCoreToQueryString()
    {
        var call = ++_call;
        double min = call;
        var status = "s" + (call & 7);
        var limit = call & 63;
        return _ef.Orders.Where(o => o.Amount > min && o.Status == status).OrderBy(o => o.Amount)
            .Select(o => new { o.Id, Name = o.Customer.ToUpper() }).Take(limit).ToQueryString();
    }

    private sealed class OrdersContext : DbContext
    {
        public DbSet<TranslationQueries.Order> Orders => Set<TranslationQueries.Order>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=:memory:");
    }
}

/// <summary>The benchmarked query, in LINQ and by hand.</summary>
public static class TranslationQueries
{
    /// <summary>The row type of the <c>orders</c> table.</summary>
    public sealed class Order
    {
        public long Id { get; set; }
        public string Customer { get; set; } = "";
        public double Amount { get; set; }
        public string Status { get; set; } = "";
    }

    public static IQueryable<object> Linq(SparkSession spark, string table, double min, string status, int limit) =>
        spark.Table<Order>(table).Where(o => o.Amount > min && o.Status == status).OrderBy(o => o.Amount)
            .Select(o => new { o.Id, Name = o.Customer.ToUpper() }).Take(limit);

    public static Relation HandBuilt(double min, string status, int limit)
    {
        var read = new Relation { Common = Common(0), Read = new Read { NamedTable = new Read.Types.NamedTable { UnparsedIdentifier = "orders" } } };
        var condition = Call("and",
            Call(">", Column("Amount"), new SparkExpression { Literal = new SparkExpression.Types.Literal { Double = min } }),
            Call("<=>", Column("Status"), new SparkExpression { Literal = new SparkExpression.Types.Literal { String = status } }));
        var filter = new Relation { Common = Common(1), Filter = new Filter { Input = read, Condition = condition } };
        var sort = new Relation
        {
            Common = Common(2),
            Sort = new Sort
            {
                Input = filter,
                IsGlobal = true,
                Order =
                {
                    new SparkExpression.Types.SortOrder
                    {
                        Child = Column("Amount"),
                        Direction = SparkExpression.Types.SortOrder.Types.SortDirection.Ascending,
                        NullOrdering = SparkExpression.Types.SortOrder.Types.NullOrdering.SortNullsFirst,
                    },
                },
            },
        };
        var project = new Relation
        {
            Common = Common(3),
            Project = new Project { Input = sort, Expressions = { Alias(Column("Id"), "Id"), Alias(Call("upper", Column("Customer")), "Name") } },
        };
        return new Relation { Common = Common(4), Limit = new Limit { Input = project, Limit_ = limit } };
    }

    private static RelationCommon Common(long id) => new() { PlanId = id };

    private static SparkExpression Column(string name) =>
        new() { UnresolvedAttribute = new SparkExpression.Types.UnresolvedAttribute { UnparsedIdentifier = name } };

    private static SparkExpression Call(string name, params SparkExpression[] arguments) =>
        new() { UnresolvedFunction = new SparkExpression.Types.UnresolvedFunction { FunctionName = name, Arguments = { arguments } } };

    private static SparkExpression Alias(SparkExpression expression, string name) =>
        new() { Alias = new SparkExpression.Types.Alias { Expr = expression, Name = { name } } };
}
