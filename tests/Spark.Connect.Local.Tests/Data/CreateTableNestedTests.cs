using System.ComponentModel.DataAnnotations.Schema;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Tests.Server;
using Spark.Linq.Testing;

namespace Spark.Connect.Local.Tests.Data;

public sealed class CreateTableNestedTests : LocalServerTestBase
{
    [Test]
    public async Task Lists_arrays_and_enumerables_load_with_null_and_empty_lists_and_null_elements()
    {
        var rows = new[]
        {
            new WithLists { Key = 1, Numbers = [1, 2, 3], Words = ["a", null, "c"], Maybe = [null, 5], Sequence = [1.5, 2.5], ReadOnly = ["x"] },
            new WithLists { Key = 2, Numbers = [], Words = [], Maybe = [], Sequence = [], ReadOnly = [] },
            new WithLists { Key = 3, Numbers = null, Words = null, Maybe = null, Sequence = null, ReadOnly = null },
        };
        Server.CreateTable("lists", rows);

        var responses = await CollectAsync(NewClient().ExecutePlanAsync(Sql("SELECT * FROM lists ORDER BY Key")));

        var fields = SchemaOf(responses).Fields;
        Assert.That(fields.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "Key: int32", "Numbers: list<element: int32>", "Words: list<element: utf8>", "Maybe: list<element: int32>",
            "Sequence: list<element: float64>", "ReadOnly: list<element: utf8>",
        }));
        Assert.That(fields.Skip(1).All(f => f.Children[0].Nullable), "Spark list elements are nullable");
        Assert.That(NestedValues.Rows(Batches(responses)), Is.EqualTo(new object?[][]
        {
            [1, new[] { 1, 2, 3 }, new[] { "a", null, "c" }, new int?[] { null, 5 }, new[] { 1.5, 2.5 }, new[] { "x" }],
            [2, Array.Empty<int>(), Array.Empty<string>(), Array.Empty<int>(), Array.Empty<double>(), Array.Empty<string>()],
            [3, null, null, null, null, null],
        }));
    }

    [Test]
    public async Task Records_become_structs_with_nested_lists_and_nulls_at_every_level()
    {
        var rows = new[]
        {
            new Order(1, new Customer("Ann", new Address("Oslo", ["0150", "0151"])),
                [new Line("pen", 2, 1.5m), new Line("ink", null, null), null], ["red"]),
            new Order(2, new Customer(null, null), [], []),
            new Order(3, new Customer("Bob", new Address(null, null)), null, null),
            new Order(4, null, [new Line(null, 0, 0m)], [null]),
        };
        Server.CreateTable("orders", rows);

        var responses = await CollectAsync(NewClient().ExecutePlanAsync(Sql("SELECT * FROM orders ORDER BY Id")));

        var fields = SchemaOf(responses).Fields;
        Assert.That(fields.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "Id: int32",
            "Buyer: struct<Name: utf8, Home: struct<town: utf8, Codes: list<element: utf8>>>",
            "Lines: list<element: struct<Item: utf8, Qty: int32, Price: decimal128(38, 1)>>",
            "Tags: list<element: utf8>",
        }), "struct fields by member name, [Column] honoured, [NotMapped] skipped");
        Assert.That(fields[2].Children[0].Nullable && fields[2].Children[0].Children.All(f => f.Nullable));
        Assert.That(NestedValues.Rows(Batches(responses)), Is.EqualTo(new object?[][]
        {
            [1, new object?[] { "Ann", new object?[] { "Oslo", new[] { "0150", "0151" } } },
                new object?[] { new object?[] { "pen", 2, 1.5m }, new object?[] { "ink", null, null }, null }, new[] { "red" }],
            [2, new object?[] { null, null }, Array.Empty<object>(), Array.Empty<string>()],
            [3, new object?[] { "Bob", new object?[] { null, null } }, null, null],
            [4, null, new object?[] { new object?[] { null, 0, 0m } }, new string?[] { null }],
        }));
    }

    [Test]
    public async Task Dictionaries_become_maps_with_null_values_empty_maps_and_nested_values()
    {
        var rows = new[]
        {
            new WithMaps { Key = 1, Counts = new() { ["a"] = 1, ["b"] = null }, ById = new Dictionary<int, List<string>?> { [7] = ["x", "y"], [8] = null } },
            new WithMaps { Key = 2, Counts = [], ById = new Dictionary<int, List<string>?>() },
            new WithMaps { Key = 3, Counts = null, ById = null },
        };
        Server.CreateTable("maps", rows);

        var responses = await CollectAsync(NewClient().ExecutePlanAsync(Sql("SELECT * FROM maps ORDER BY Key")));

        var fields = SchemaOf(responses).Fields;
        Assert.That(fields.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "Key: int32",
            "Counts: map<entries: struct<key: utf8, value: int32>>",
            "ById: map<entries: struct<key: int32, value: list<element: utf8>>>",
        }));
        Assert.That(fields[1].Children[0].Children[0].Nullable, Is.False, "map keys are non-null");
        Assert.That(fields[1].Children[0].Children[1].Nullable, Is.True);
        Assert.That(NestedValues.Rows(Batches(responses)), Is.EqualTo(new object?[][]
        {
            [1, new Dictionary<object, object?> { ["a"] = 1, ["b"] = null }, new Dictionary<object, object?> { [7] = new[] { "x", "y" }, [8] = null }],
            [2, new Dictionary<object, object?>(), new Dictionary<object, object?>()],
            [3, null, null],
        }));
    }

    [Test]
    public async Task A_null_map_key_is_an_error_naming_the_column_and_keeps_the_previous_table()
    {
        Server.CreateTable("keyed", new[] { new NullableKeys { Lookup = new KeyList { new("ok", 1) } } });

        var error = Assert.Throws<ArgumentException>(() => Server.CreateTable("keyed",
            new[] { new NullableKeys { Lookup = new KeyList { new(null, 1) } } }));

        Assert.That(error!.Message, Does.Contain("'Lookup'").And.Contain("null key"));
        var kept = NestedValues.Rows(Batches(await CollectAsync(NewClient().ExecutePlanAsync(Table("keyed"))))).Single();
        Assert.That(kept, Is.EqualTo(new object?[] { new Dictionary<object, object?> { ["ok"] = 1 } }));
    }

    [Test]
    public void Recursive_and_unsupported_nested_types_are_rejected_naming_the_member()
    {
        var recursive = Assert.Throws<NotSupportedException>(() => Server.CreateTable("tree", new[] { new TreeNode() }));
        Assert.That(recursive!.Message, Does.Contain("TreeNode").And.Contain("recursive"));

        var unsupported = Assert.Throws<NotSupportedException>(() => Server.CreateTable("objects", new[] { new WithObjects() }));
        Assert.That(unsupported!.Message, Does.Contain("Things").And.Contain("Object"));
    }

    [Test]
    public async Task Every_scalar_member_type_loads_inside_a_list_with_its_spark_type()
    {
        var when = new DateTime(2024, 2, 29, 13, 45, 10, DateTimeKind.Unspecified);
        var at = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.FromHours(2));
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var row = new ScalarLists
        {
            Flags = [true, false], I8 = [-8], I16 = [-16], I64 = [long.MinValue], U8 = [255], U16 = [65535], U32 = [uint.MaxValue],
            U64 = [ulong.MaxValue], F32 = [1.5f], Money = [-1234.5678m], Letters = ['Z'], Whens = [when], Ats = [at],
            Days = [new DateOnly(1999, 12, 31)], Spans = [TimeSpan.FromMinutes(90)], Ids = [id], Colors = [Color.Blue], Blobs = [[1, 2], []],
        };
        Server.CreateTable("scalar_lists", new[] { row });

        var responses = await CollectAsync(NewClient().ExecutePlanAsync(Table("scalar_lists")));

        var expected = new (ArrowType Type, object Values)[]
        {
            (ArrowType.Boolean, new[] { true, false }), (ArrowType.Int8, new sbyte[] { -8 }), (ArrowType.Int16, new short[] { -16 }),
            (ArrowType.Int64, new[] { long.MinValue }), (ArrowType.Int16, new short[] { 255 }), (ArrowType.Int32, new[] { 65535 }),
            (ArrowType.Int64, new[] { (long)uint.MaxValue }), (ArrowType.Decimal128(20, 0), new[] { (decimal)ulong.MaxValue }),
            (ArrowType.Float32, new[] { 1.5f }), (ArrowType.Decimal128(38, 4), new[] { -1234.5678m }), (ArrowType.Utf8, new[] { "Z" }),
            (ArrowType.Timestamp(ArrowTimeUnit.Microsecond, null), new[] { (when - DateTime.UnixEpoch).Ticks / 10 }),
            (ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC"), new[] { (at.UtcDateTime - DateTime.UnixEpoch).Ticks / 10 }),
            (ArrowType.Date32, new[] { new DateOnly(1999, 12, 31) }), (ArrowType.Duration(ArrowTimeUnit.Microsecond), new[] { TimeSpan.FromMinutes(90) }),
            (ArrowType.Utf8, new[] { id.ToString() }), (ArrowType.Int16, new short[] { 2 }), (ArrowType.Binary, new[] { new byte[] { 1, 2 }, [] }),
        };
        Assert.That(SchemaOf(responses).Fields.Select(f => f.Children[0].Type), Is.EqualTo(expected.Select(e => e.Type)));
        Assert.That(NestedValues.Rows(Batches(responses)).Single(), Is.EqualTo(expected.Select(e => e.Values).ToArray()));
    }

    [Test]
    public async Task A_value_too_large_for_its_declared_decimal_is_rejected_and_the_previous_table_kept()
    {
        Server.CreateTable("priced", new[] { new Priced { Amount = 1.5m, Extras = [2m] } });

        var error = Assert.Throws<ArgumentException>(() => Server.CreateTable("priced", new[] { new Priced { Amount = 12345.6m, Extras = [] } }));

        Assert.That(error!.Message, Does.Contain("Amount"));
        var kept = NestedValues.Rows(Batches(await CollectAsync(NewClient().ExecutePlanAsync(Table("priced"))))).Single();
        Assert.That(kept, Is.EqualTo(new object?[] { 1.50m, new[] { 2m } }));
    }

    private enum Color : short { Red, Green, Blue }

    private sealed class Priced
    {
        [Column(TypeName = "decimal(5,2)")]
        public decimal Amount { get; set; }

        public decimal[] Extras { get; set; } = [];
    }

    private sealed class ScalarLists
    {
        public bool[] Flags { get; set; } = [];
        public sbyte[] I8 { get; set; } = [];
        public short[] I16 { get; set; } = [];
        public long[] I64 { get; set; } = [];
        public List<byte> U8 { get; set; } = [];
        public ushort[] U16 { get; set; } = [];
        public uint[] U32 { get; set; } = [];
        public ulong[] U64 { get; set; } = [];
        public float[] F32 { get; set; } = [];
        public decimal[] Money { get; set; } = [];
        public char[] Letters { get; set; } = [];
        public DateTime[] Whens { get; set; } = [];
        public DateTimeOffset[] Ats { get; set; } = [];
        public DateOnly[] Days { get; set; } = [];
        public TimeSpan[] Spans { get; set; } = [];
        public Guid[] Ids { get; set; } = [];
        public Color[] Colors { get; set; } = [];
        public byte[][] Blobs { get; set; } = [];
    }

    [Test]
    public async Task Record_structs_load_as_structs_and_framework_types_are_not_expanded()
    {
        Server.CreateTable("points", new[] { new WithPoints { Points = [new Point(1, 2), null], Origin = new Point(0, 0) } });

        var responses = await CollectAsync(NewClient().ExecutePlanAsync(Table("points")));

        Assert.That(SchemaOf(responses).Fields.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "Points: list<element: struct<X: int32, Y: int32>>", "Origin: struct<X: int32, Y: int32>",
        }));
        Assert.That(NestedValues.Rows(Batches(responses)).Single(), Is.EqualTo(new object?[]
        {
            new object?[] { new object?[] { 1, 2 }, null }, new object?[] { 0, 0 },
        }));
        var error = Assert.Throws<NotSupportedException>(() => Server.CreateTable("times", new[] { new { Times = new[] { TimeOnly.MinValue } } }));
        Assert.That(error!.Message, Does.Contain("TimeOnly"));
    }

    private readonly record struct Point(int X, int Y);

    private sealed class WithPoints
    {
        public List<Point?> Points { get; set; } = [];
        public Point Origin { get; set; }
    }

    private sealed record Address([property: Column("town")] string? City, string[]? Codes);

    private sealed record Customer(string? Name, Address? Home)
    {
        [NotMapped]
        public int Ignored => 42;
    }

    private sealed record Line(string? Item, int? Qty, decimal? Price);

    private sealed record Order(int Id, Customer? Buyer, List<Line?>? Lines, string?[]? Tags);

    private sealed class WithMaps
    {
        public int Key { get; set; }
        public Dictionary<string, int?>? Counts { get; set; }
        public IReadOnlyDictionary<int, List<string>?>? ById { get; set; }
    }

    // A custom dictionary type is the only way to present a null key: Dictionary itself refuses one.
    private sealed class NullableKeys
    {
        public IReadOnlyDictionary<string?, int>? Lookup { get; set; }
    }

    private sealed class KeyList : List<KeyValuePair<string?, int>>, IReadOnlyDictionary<string?, int>
    {
        public IEnumerable<string?> Keys => this.Select(p => p.Key);
        public IEnumerable<int> Values => this.Select(p => p.Value);
        public int this[string? key] => this.First(p => p.Key == key).Value;
        public bool ContainsKey(string? key) => this.Any(p => p.Key == key);
        public bool TryGetValue(string? key, out int value)
        {
            value = ContainsKey(key) ? this[key] : 0;
            return ContainsKey(key);
        }
    }

    private sealed class TreeNode
    {
        public List<TreeNode> Children { get; set; } = [];
    }

    private sealed class WithObjects
    {
        public List<object> Things { get; set; } = [];
    }

    private sealed class WithLists
    {
        public int Key { get; set; }
        public int[]? Numbers { get; set; }
        public List<string?>? Words { get; set; }
        public IReadOnlyList<int?>? Maybe { get; set; }
        public IEnumerable<double>? Sequence { get; set; }
        public ICollection<string>? ReadOnly { get; set; }
    }
}
