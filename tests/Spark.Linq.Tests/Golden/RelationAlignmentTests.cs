using static Spark.Linq.Tests.Golden.Goldens;
using Literal = Spark.Connect.Protocol.Expression.Types.Literal;
using Relation = Spark.Connect.Protocol.Relation;
using DataTypeKind = Spark.Connect.Protocol.DataType.KindOneofCase;

namespace Spark.Linq.Tests.Golden;

/// <summary>Our relations and literals against the official clients' (inputs aside: theirs are LocalRelations).</summary>
public class RelationAlignmentTests : PlanTestBase
{
    private static Relation WithoutInput(Relation relation)
    {
        var copy = relation.Clone();
        copy.Common = null;
        switch (copy.RelTypeCase)
        {
            case Relation.RelTypeOneofCase.Limit: copy.Limit.Input = null; break;
            case Relation.RelTypeOneofCase.Offset: copy.Offset.Input = null; break;
            case Relation.RelTypeOneofCase.Deduplicate: copy.Deduplicate.Input = null; break;
            case Relation.RelTypeOneofCase.Sort: copy.Sort.Input = null; break;
            case Relation.RelTypeOneofCase.Filter: copy.Filter.Input = null; break;
        }
        return copy;
    }

    [Test]
    public void Take_is_the_official_limit() =>
        Assert.That(WithoutInput(Orders.Take(10).ToRelation()), Is.EqualTo(WithoutInput(Load("limit"))));

    [Test]
    public void Skip_is_the_official_offset() =>
        Assert.That(WithoutInput(Orders.Skip(1000).ToRelation()), Is.EqualTo(WithoutInput(Load("offset"))));

    [Test]
    public void Distinct_is_the_official_distinct() =>
        Assert.That(WithoutInput(Orders.Distinct().ToRelation()), Is.EqualTo(WithoutInput(Load("distinct"))));

    [Test]
    public void Plan_ids_grow_from_the_input_to_the_root_as_in_the_official_client()
    {
        var golden = Load("limit");
        var ours = Orders.Take(10).ToRelation();
        Assert.That((ours.Common.PlanId, ours.Limit.Input.Common.PlanId), Is.EqualTo((golden.Common.PlanId, golden.Limit.Input.Common.PlanId)));
    }

    [TestCase("column_asc_nulls_first", false)]
    [TestCase("column_desc_nulls_last", true)]
    [TestCase("column_asc", false)]
    [TestCase("column_desc", true)]
    public void OrderBy_null_placement_is_the_official_default_for_the_direction(string golden, bool descending)
    {
        var query = descending ? Orders.OrderByDescending(o => o.Note) : Orders.OrderBy(o => o.Note);
        var ours = query.ToRelation().Sort;
        var theirs = Load(golden).Sort;
        Assert.Multiple(() =>
        {
            Assert.That(ours.IsGlobal, Is.EqualTo(theirs.IsGlobal));
            Assert.That(ours.Order[0].Direction, Is.EqualTo(theirs.Order[0].Direction));
            Assert.That(ours.Order[0].NullOrdering, Is.EqualTo(theirs.Order[0].NullOrdering));
        });
    }

    [Test]
    public void OrderBy_ThenBy_is_one_sort_with_keys_in_order_like_orderBy_columns()
    {
        var theirs = Load("orderBy_columns").Sort;
        var ours = Orders.OrderBy(o => o.Region).ThenBy(o => o.Note).ThenBy(o => o.Id).ToRelation().Sort;
        Assert.That(ours.Order.Select(o => o.Child.ExprTypeCase), Is.EqualTo(theirs.Order.Select(o => o.Child.ExprTypeCase)));
        Assert.That(ours.Order.Select(o => (o.Direction, o.NullOrdering)), Is.EqualTo(theirs.Order.Select(o => (o.Direction, o.NullOrdering))));
        Assert.That(ours.IsGlobal, Is.EqualTo(theirs.IsGlobal));
    }

    [Test]
    public void Where_is_the_official_filter_shape()
    {
        var ours = Orders.Where(o => o.Id == 10L).ToRelation();
        var theirs = Load("filter");
        Assert.That(ours.RelTypeCase, Is.EqualTo(theirs.RelTypeCase));
        Assert.That(Signature(ours.Filter.Condition), Is.EqualTo(OurSpelling(Signature(theirs.Filter.Condition))));
    }

    // function_lit.json: index of the literal in the golden projection → the C# value that must give the same literal.
    private static readonly object[][] LiteralCases =
    [
        [2, true], [3, (sbyte)68], [4, (short)9872], [5, -8726532], [6, 7834609328726532L], [7, 2.718281828459045],
        [8, -0.8f], [9, 89.97620m], [10, 89889.7667231m], [11, "connect!"], [12, 'T'], [13, "ABCDEFGHIJ"],
        [18, new DateOnly(2020, 10, 10)], [19, 8.997620m],
        [20, DateTime.UnixEpoch.AddTicks(1677155519808000L * 10)], [21, DateTime.UnixEpoch.AddTicks(12345000L * 10)],
        [22, DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(1677184560000000L * 10), DateTimeKind.Unspecified)],
        [23, new DateOnly(2023, 2, 23)], [24, TimeSpan.FromSeconds(200)],
    ];

    [TestCaseSource(nameof(LiteralCases))]
    public void Literals_have_the_official_kind_and_encoding(int goldenIndex, object value)
    {
        var theirs = Projected("function_lit", goldenIndex).Literal;
        Assert.That(Ours(value), Is.EqualTo(theirs));
    }

    [Test]
    public void Binary_literals_are_the_official_bytes()
    {
        var theirs = Projected("function_lit", 14).Literal;
        Assert.That(Ours(theirs.Binary.ToByteArray()), Is.EqualTo(theirs));
    }

    [Test]
    public void Null_literals_are_typed_where_the_official_client_sends_the_null_type()
    {
        // Intended: C# knows the static type of a null, so we send a typed null (null of string here);
        // lit(null) in the official client has the NullType.
        var theirs = Projected("function_lit", 17).Literal;
        Assert.That(theirs.Null.KindCase, Is.EqualTo(DataTypeKind.Null));
        var ours = Ours<string?>(null);
        Assert.That(ours.LiteralTypeCase, Is.EqualTo(theirs.LiteralTypeCase));
        Assert.That(ours.Null.KindCase, Is.EqualTo(DataTypeKind.String));
    }

    private Literal Ours<T>(T value) =>
        Orders.Select(o => new { V = value }).ToRelation().Project.Expressions[0].Alias.Expr.Literal;

    private Literal Ours(object value) => value switch
    {
        bool v => Ours<bool>(v), sbyte v => Ours<sbyte>(v), short v => Ours<short>(v), int v => Ours<int>(v), long v => Ours<long>(v),
        double v => Ours<double>(v), float v => Ours<float>(v), decimal v => Ours<decimal>(v), string v => Ours<string>(v), char v => Ours<char>(v),
        DateOnly v => Ours<DateOnly>(v), DateTime v => Ours<DateTime>(v), TimeSpan v => Ours<TimeSpan>(v), byte[] v => Ours<byte[]>(v),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name),
    };
}
