using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Tests.DuckDb;

public class DuckDbNestedTypeTests : DuckDbTestBase
{
    [Test]
    public void Lists_are_read_through_entries_and_the_child_vector()
    {
        using var statement = Connection.Prepare(
            "SELECT * FROM (VALUES (1, [1, NULL, 3]), (2, []), (3, NULL), (4, [?::INTEGER, ?::INTEGER])) t(id, l) ORDER BY id");
        statement.Bind(1, 40);
        statement.Bind(2, -50);
        using var result = statement.Execute();
        Assert.That(result.ColumnTypes[1].Id, Is.EqualTo(DuckDbTypeId.List));
        Assert.That(result.ColumnTypes[1].ListChild!.Id, Is.EqualTo(DuckDbTypeId.Integer));

        var lists = ReadAll(result, (chunk, row) =>
        {
            var list = chunk.GetVector(1);
            if (!list.IsValid(row))
                return null;
            var (offset, length) = list.GetListEntry(row);
            var child = list.GetListChild();
            return Enumerable.Range(offset, length).Select(i => child.IsValid(i) ? child.GetData<int>()[i] : (int?)null).ToArray();
        });
        Assert.That(lists, Is.EqualTo(new int?[]?[] { [1, null, 3], [], null, [40, -50] }));
    }

    [Test]
    public void Structs_expose_named_children_of_any_type()
    {
        using var result = Connection.Query(
            "SELECT s FROM (SELECT {'name': 'a name longer than twelve', 'n': i, 'tags': ['x', 'yy']} AS s FROM range(2) t(i) " +
            "UNION ALL SELECT NULL) ORDER BY s.n NULLS LAST");
        var type = result.ColumnTypes[0];
        Assert.That(type.Id, Is.EqualTo(DuckDbTypeId.Struct));
        Assert.That(type.StructFields.Select(f => f.Name), Is.EqualTo(new[] { "name", "n", "tags" }));
        Assert.That(type.StructFields[2].Type.ListChild!.Id, Is.EqualTo(DuckDbTypeId.Varchar));

        var rows = ReadAll(result, (chunk, row) =>
        {
            var s = chunk.GetVector(0);
            if (!s.IsValid(row))
                return "null";
            var tags = s.GetStructChild(2);
            var (offset, length) = tags.GetListEntry(row);
            var tagValues = Enumerable.Range(offset, length).Select(i => tags.GetListChild().GetString(i));
            return $"{s.GetStructChild(0).GetString(row)}|{s.GetStructChild(1).GetData<long>()[row]}|{string.Join(",", tagValues)}";
        });
        Assert.That(rows, Is.EqualTo(new[] { "a name longer than twelve|0|x,yy", "a name longer than twelve|1|x,yy", "null" }));
    }

    [Test]
    public void Maps_read_as_lists_of_key_value_structs()
    {
        using var result = Connection.Query("SELECT MAP {'k1': 1.5, 'a key beyond twelve bytes': -2.25} AS m UNION ALL SELECT MAP {}");
        var type = result.ColumnTypes[0];
        Assert.That(type.Id, Is.EqualTo(DuckDbTypeId.Map));
        Assert.That(type.MapKey!.Id, Is.EqualTo(DuckDbTypeId.Varchar));
        Assert.That(type.MapValue!.Id, Is.EqualTo(DuckDbTypeId.Decimal));

        var maps = ReadAll(result, (chunk, row) =>
        {
            var map = chunk.GetVector(0);
            var (offset, length) = map.GetListEntry(row);
            var entries = map.GetListChild();
            return Enumerable.Range(offset, length)
                .ToDictionary(i => entries.GetStructChild(0).GetString(i), i => entries.GetStructChild(1).GetDecimal(i));
        });
        Assert.That(maps.OrderBy(m => m.Count).Select(m => m.Count), Is.EqualTo(new[] { 0, 2 }));
        var full = maps.Single(m => m.Count == 2);
        Assert.That(full["k1"], Is.EqualTo(1.5m));
        Assert.That(full["a key beyond twelve bytes"], Is.EqualTo(-2.25m));
    }

    [Test]
    public void Decimals_of_every_storage_width_read_back_exactly()
    {
        using var result = Connection.Query(
            "SELECT -12.34::DECIMAL(4,2), 1234567.89::DECIMAL(9,2), -123456789012.345678::DECIMAL(18,6), " +
            "'-12345678901234567890123456.78'::DECIMAL(28,2), '1234567890123456789012345678.9012345678'::DECIMAL(38,10)");
        var types = result.ColumnTypes;
        Assert.That(types.Select(t => t.DecimalStorage), Is.EqualTo(new[]
            { DuckDbTypeId.SmallInt, DuckDbTypeId.Integer, DuckDbTypeId.BigInt, DuckDbTypeId.HugeInt, DuckDbTypeId.HugeInt }));
        var row = ReadAll(result, (chunk, r) => Enumerable.Range(0, 5).Select(c => chunk.GetVector(c).GetUnscaledDecimal(r)).ToArray()).Single();
        Assert.That(row[0], Is.EqualTo((Int128)(-1234)));
        Assert.That(row[1], Is.EqualTo((Int128)123456789));
        Assert.That(row[2], Is.EqualTo((Int128)(-123456789012345678)));
        Assert.That(row[3], Is.EqualTo(Int128.Parse("-1234567890123456789012345678")));
        Assert.That(row[4], Is.EqualTo(Int128.Parse("12345678901234567890123456789012345678")));
    }
}
