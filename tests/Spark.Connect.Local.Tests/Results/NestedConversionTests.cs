using Spark.Connect.Arrow;

namespace Spark.Connect.Local.Tests.Results;

public class NestedConversionTests : ArrowResultTestBase
{
    [Test]
    public void Lists_keep_nulls_empties_and_long_strings()
    {
        var batch = ConvertOne("""
            SELECT * FROM (VALUES (1, [1, NULL, 3], ['a', 'an element longer than twelve']),
                                  (2, [], []), (3, NULL, NULL), (4, [7], [NULL])) v(id, ints, strs) ORDER BY id
            """);
        Assert.That(batch.Column("ints").Field.ToString(), Is.EqualTo("ints: list<element: int32>"));
        var ints = (ListColumn)batch.Column("ints");
        var strs = (ListColumn)batch.Column("strs");
        int?[]? Ints(int row) => ints.IsNull(row) ? null
            : Enumerable.Range(ints.GetStart(row), ints.GetLength(row))
                .Select(i => ((PrimitiveColumn<int>)ints.Values).GetNullable(i)).ToArray();
        string?[]? Strs(int row) => strs.IsNull(row) ? null
            : Enumerable.Range(strs.GetStart(row), strs.GetLength(row)).Select(i => Str(strs.Values, i)).ToArray();
        Assert.That(Enumerable.Range(0, 4).Select(Ints), Is.EqualTo(new int?[]?[] { [1, null, 3], [], null, [7] }));
        Assert.That(Enumerable.Range(0, 4).Select(Strs),
            Is.EqualTo(new string?[]?[] { ["a", "an element longer than twelve"], [], null, [null] }));
    }

    [Test]
    public void Structs_nest_lists_and_null_rows_null_every_member()
    {
        var batch = ConvertOne("""
            SELECT s FROM (SELECT i, {'name': 'name ' || i || ' is quite long', 'n': i, 'tags': [i, i + 1]} AS s FROM range(2) t(i)
                           UNION ALL SELECT 9, NULL) ORDER BY i
            """);
        var s = (StructColumn)batch.Column("s");
        Assert.That(s.Field.ToString(), Is.EqualTo("s: struct<name: utf8, n: int64, tags: list<element: int64>>"));
        var tags = (ListColumn)s.GetChild("tags")!;
        for (var row = 0; row < 2; row++)
        {
            Assert.That(Str(s.GetChild("name")!, row), Is.EqualTo($"name {row} is quite long"));
            Assert.That(Long(s.GetChild("n")!, row), Is.EqualTo(row));
            var items = Enumerable.Range(tags.GetStart(row), tags.GetLength(row)).Select(i => Long(tags.Values, i));
            Assert.That(items, Is.EqualTo(new long?[] { row, row + 1 }));
        }
        Assert.That(s.IsNull(2), Is.True);
        Assert.That(s.Children.All(c => c.IsNull(2)), Is.True);
    }

    [Test]
    public void Maps_become_arrow_maps_of_key_and_value()
    {
        var batch = ConvertOne("""
            SELECT * FROM (VALUES (1, MAP {'k1': 1.5, 'a key beyond twelve bytes': NULL}), (2, MAP {}), (3, NULL)) v(id, m)
            ORDER BY id
            """);
        var map = (MapColumn)batch.Column("m");
        Assert.That(map.Field.ToString(),
            Is.EqualTo("m: map<entries: struct<key: utf8, value: decimal128(2, 1)>>"));
        Assert.That(map.GetLength(0), Is.EqualTo(2));
        var start = map.GetStart(0);
        Assert.That(new[] { Str(map.Keys, start), Str(map.Keys, start + 1) },
            Is.EqualTo(new[] { "k1", "a key beyond twelve bytes" }));
        Assert.That(((Decimal128Column)map.Items).GetNullableDecimal(start), Is.EqualTo(1.5m));
        Assert.That(map.Items.IsNull(start + 1), Is.True);
        Assert.That(map.GetLength(1), Is.Zero);
        Assert.That(map.IsNull(1), Is.False);
        Assert.That(map.IsNull(2), Is.True);
    }

    [Test]
    public void Lists_of_structs_and_maps_of_lists_nest_to_any_depth()
    {
        var batch = ConvertOne("SELECT [{'x': 1, 'y': 'one'}, NULL] AS ls, MAP {1: ['p', 'q']} AS ml");
        var ls = (ListColumn)batch.Column("ls");
        var members = (StructColumn)ls.Values;
        Assert.That(ls.GetLength(0), Is.EqualTo(2));
        Assert.That(((PrimitiveColumn<int>)members.GetChild("x")!).GetValue(0), Is.EqualTo(1));
        Assert.That(Str(members.GetChild("y")!, 0), Is.EqualTo("one"));
        Assert.That(members.IsNull(1), Is.True);
        var ml = (MapColumn)batch.Column("ml");
        Assert.That(((PrimitiveColumn<int>)ml.Keys).GetValue(0), Is.EqualTo(1));
        var inner = (ListColumn)ml.Items;
        Assert.That(Enumerable.Range(inner.GetStart(0), inner.GetLength(0)).Select(i => Str(inner.Values, i)),
            Is.EqualTo(new[] { "p", "q" }));
    }
}
