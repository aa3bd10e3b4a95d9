using System.Globalization;
using Spark.Connect;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>
/// Every relation applies to the complete output of its input, in Spark's order. Each case stacks an
/// aggregate, window, distinct or set operation on top of a relation that chooses rows (limit, offset,
/// sort + limit, filter, tail, and combinations) over <c>range(12)</c>, runs it on DuckDB through the
/// planner and compares with the same steps done by LINQ-to-Objects on the same numbers.
/// </summary>
public sealed class OperatorOrderTests : PlannerTestBase
{
    private static readonly long[] Ids = Enumerable.Range(0, 12).Select(i => (long)i).ToArray();

    /// <summary>A relation that chooses rows, and the same choice on a list.</summary>
    public sealed record Chooser(string Name, Func<OperatorOrderTests, Relation, Relation> Plan, Func<IEnumerable<long>, IEnumerable<long>> Reference)
    {
        public override string ToString() => Name;
    }

    /// <summary>A relation stacked on top, and its expected lines (sorted when the relation defines no order).</summary>
    public sealed record Consumer(string Name, Func<OperatorOrderTests, Relation, Relation> Plan, Func<IReadOnlyList<long>, IEnumerable<string>> Reference, bool Ordered)
    {
        public override string ToString() => Name;
    }

    private static readonly Chooser[] Choosers =
    [
        new("limit 4", (t, r) => t.Limit(r, 4), s => s.Take(4)),
        new("offset 3", (t, r) => t.Offset(r, 3), s => s.Skip(3)),
        new("sort desc, limit 4", (t, r) => t.Limit(t.Sort(r, Desc(Col("id"))), 4), s => s.OrderDescending().Take(4)),
        new("filter even", (t, r) => t.Filter(r, Even), s => s.Where(i => i % 2 == 0)),
        new("tail 3", (t, r) => t.New(x => x.Tail = new Tail { Input = r, Limit = 3 }), s => s.TakeLast(3)),
        new("offset 2, limit 3", (t, r) => t.Limit(t.Offset(r, 2), 3), s => s.Skip(2).Take(3)),
        new("limit 6, offset 2", (t, r) => t.Offset(t.Limit(r, 6), 2), s => s.Take(6).Skip(2)),
        new("sort desc, offset 9", (t, r) => t.Offset(t.Sort(r, Desc(Col("id"))), 9), s => s.OrderDescending().Skip(9)),
        new("filter even, limit 3", (t, r) => t.Limit(t.Filter(r, Even), 3), s => s.Where(i => i % 2 == 0).Take(3)),
        new("limit 7, filter even", (t, r) => t.Filter(t.Limit(r, 7), Even), s => s.Take(7).Where(i => i % 2 == 0)),
        new("limit 0", (t, r) => t.Limit(r, 0), s => s.Take(0)),
    ];

    private static readonly Consumer[] Consumers =
    [
        new("select count(1)", (t, r) => t.Project(r, Fn("count", Lit(1))), s => [Text(s.Count)], true),
        new("select max(id)", (t, r) => t.Project(r, Fn("max", Col("id"))), s => [s.Count == 0 ? "∅" : Text(s.Max())], true),
        new("id, sum(id) over ()", (t, r) => t.Project(r, Col("id"), Alias(Over(Fn("sum", Col("id")), orderBy: null), "total")),
            s => s.Select(i => $"{i}|{s.Sum()}"), false),
        new("id, row_number() over (order by id desc)", (t, r) => t.Project(r, Col("id"), Alias(Over(Fn("row_number"), orderBy: Col("id")), "rn")),
            s => s.OrderDescending().Select((i, n) => $"{i}|{n + 1}"), false),
        new("groupBy(id % 3).sum(id)", (t, r) => t.Aggregate(r, [Alias(Fn("%", Col("id"), Lit(3L)), "g")], Fn("sum", Col("id"))),
            s => s.GroupBy(i => i % 3).Select(g => $"{g.Key}|{g.Sum()}"), false),
        new("agg(count(1), min(id))", (t, r) => t.Aggregate(r, [], Fn("count", Lit(1)), Fn("min", Col("id"))),
            s => [$"{s.Count}|{(s.Count == 0 ? "∅" : Text(s.Min()))}"], true),
        new("select(id % 3).distinct()", (t, r) => t.New(x => x.Deduplicate = new Deduplicate { Input = t.Project(r, Alias(Fn("%", Col("id"), Lit(3L)), "g")), AllColumnsAsKeys = true }),
            s => s.Select(i => i % 3).Distinct().Select(Text), false),
        new("union all with itself, count", (t, r) => t.Project(t.SetOp(r, r, SetOperation.Types.SetOpType.Union, all: true), Fn("count", Lit(1))),
            s => [Text(2 * s.Count)], true),
        new("intersect range(5)", (t, r) => t.SetOp(r, t.Range(5), SetOperation.Types.SetOpType.Intersect, all: false),
            s => s.Intersect(Ids.Take(5)).Select(Text), false),
        new("except range(5)", (t, r) => t.SetOp(r, t.Range(5), SetOperation.Types.SetOpType.Except, all: false),
            s => s.Except(Ids.Take(5)).Select(Text), false),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from chooser in Choosers from consumer in Consumers select new TestCaseData(chooser, consumer).SetName($"{consumer} over {chooser}");

    [SetUp]
    public void UseCatalog() => Functions = null;

    [TestCaseSource(nameof(Cases))]
    public void Each_relation_sees_only_what_its_input_produced(Chooser chooser, Consumer consumer)
    {
        var plan = consumer.Plan(this, chooser.Plan(this, Range(12)));
        var expected = consumer.Reference(chooser.Reference(Ids).ToList()).ToList();
        var actual = Lines(plan);
        if (!consumer.Ordered)
        {
            expected.Sort(StringComparer.Ordinal);
            actual.Sort(StringComparer.Ordinal);
        }
        Assert.That(actual, Is.EqualTo(expected));
    }

    private static Expression Even => Fn("==", Fn("%", Col("id"), Lit(2L)), Lit(0L));

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal Relation Range(long end) => New(r => r.Range = new Spark.Connect.Protocol.Range { Start = 0, End = end, Step = 1 });

    internal Relation Limit(Relation input, int count) => New(r => r.Limit = new Limit { Input = input, Limit_ = count });

    internal Relation Offset(Relation input, int count) => New(r => r.Offset = new Offset { Input = input, Offset_ = count });

    internal Relation SetOp(Relation left, Relation right, SetOperation.Types.SetOpType type, bool all) =>
        New(r => r.SetOp = new SetOperation { LeftInput = left, RightInput = right, SetOpType = type, IsAll = all });

    private static Expression Over(Expression function, Expression? orderBy)
    {
        var window = new Expression.Types.Window { WindowFunction = function };
        if (orderBy is not null)
            window.OrderSpec.Add(Desc(orderBy));
        return new Expression { Window = window };
    }
}
