using Spark.Connect.Arrow;
using Spark.Linq.Tests.Materialization;

namespace Spark.Linq.Tests.GroupBy;

/// <summary>
/// The columns grouped and joined queries produce (names as the plan aliases them, Spark's types)
/// read back into the C# shapes those queries declare.
/// </summary>
public class GroupedResultMaterializationTests : PlanTestBase
{
    private static List<T> ReadAs<T>(RecordBatch batch, Func<T> _) => Batches.Read<T>(batch);

    [Test]
    public void A_grouped_row_reads_key_bigint_count_into_int_and_collected_structs()
    {
        // Select(g => new { g.Key, Count = g.Count(), Items = g.Select(o => new { o.Id, o.Amount }).ToList() })
        var query = Orders.GroupBy(o => o.Region).Select(g => new { g.Key, Count = g.Count(), Items = g.Select(o => new { o.Id, o.Amount }).ToList() });
        Assert.That(query.ToRelation().Project.Expressions.Select(e => e.Alias.Name[0]), Is.EqualTo(new[] { "Key", "Count", "Items" }));

        var item = ArrowField.Struct("element", [Batches.Field("Id", ArrowType.Int64), Batches.Field("Amount", ArrowType.Float64)]);
        var batch = Batches.Of([Batches.Field("Key", ArrowType.Utf8), Batches.Field("Count", ArrowType.Int64), ArrowField.List("Items", item)], b =>
        {
            b.Column<Utf8Builder>(0).Append("EMEA");
            b.Column<PrimitiveBuilder<long>>(1).Append(2L);
            var items = b.Column<ListBuilder>(2);
            items.Append();
            var element = (StructBuilder)items.Values;
            ((PrimitiveBuilder<long>)element.Children[0]).Append(7L); ((PrimitiveBuilder<double>)element.Children[1]).Append(1.5); element.Append();
            ((PrimitiveBuilder<long>)element.Children[0]).Append(8L); ((PrimitiveBuilder<double>)element.Children[1]).Append(2.5); element.Append();
        });
        var row = ReadAs(batch, () => new { Key = "", Count = 0, Items = new[] { new { Id = 0L, Amount = 0.0 } }.ToList() }).Single();
        Assert.That((row.Key, row.Count), Is.EqualTo(("EMEA", 2)));
        Assert.That(row.Items.Select(i => (i.Id, i.Amount)), Is.EqualTo(new[] { (7L, 1.5), (8L, 2.5) }));
    }

    [Test]
    public void A_left_join_row_reads_a_missing_right_side_as_null()
    {
        // select new { o.Id, c } where c had no match: the plan sends when(isnotnull(c.Id), named_struct(…)), i.e. a null struct.
        var customer = ArrowField.Struct("c", [Batches.Field("Id", ArrowType.Int32), Batches.Field("Name", ArrowType.Utf8), Batches.Field("Country", ArrowType.Utf8)]);
        var batch = Batches.Of([Batches.Field("Id", ArrowType.Int64), customer], b =>
        {
            b.Column<PrimitiveBuilder<long>>(0).Append(1L);
            var c = b.Column<StructBuilder>(1);
            ((PrimitiveBuilder<int>)c.Children[0]).Append(5); ((Utf8Builder)c.Children[1]).Append("Ada"); ((Utf8Builder)c.Children[2]).Append((string?)null); c.Append();
            b.Column<PrimitiveBuilder<long>>(0).Append(2L);
            c.AppendNull();
        });
        var rows = ReadAs(batch, () => new { Id = 0L, c = (Customer?)null });
        Assert.That(rows[0].c, Is.EqualTo(new Customer(5, "Ada", null)));
        Assert.That(rows[1].c, Is.Null);
    }
}
