using System.ComponentModel.DataAnnotations.Schema;
using Spark.Connect.Arrow;
using Spark.Connect.Local.Tests.Server;
using Spark.Linq.Testing;

namespace Spark.Connect.Local.Tests.Data;

public sealed class CreateTableTests : LocalServerTestBase
{
    private static readonly DateTime When = new(2024, 2, 29, 13, 45, 10, 123, DateTimeKind.Unspecified);
    private static readonly DateTimeOffset At = new(2024, 3, 1, 8, 0, 0, TimeSpan.FromHours(2));

    [Test]
    public async Task Every_supported_member_type_becomes_the_spark_type_with_its_value()
    {
        var row = new AllTypes
        {
            Flag = true, I8 = -8, I16 = -16, I32 = -32, I64 = -64, U8 = 255, U16 = 65535, U32 = uint.MaxValue, U64 = ulong.MaxValue,
            F32 = 1.5f, F64 = -2.25, Money = 1234.5678m, Price = 99.95m, Text = "héllo", Letter = 'Z', When = When, At = At,
            Day = new DateOnly(1999, 12, 31), Span = TimeSpan.FromMinutes(90), Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Color = Color.Blue, Bytes = [1, 2, 0, 255], Maybe = null, Original = 7, Ignored = 99,
        };
        Server.CreateTable("all_types", new[] { row });

        var responses = await CollectAsync(NewClient().ExecutePlanAsync(Table("all_types")));

        var schema = SchemaOf(responses);
        var expected = new (string Name, ArrowType Type, object? Value)[]
        {
            ("Flag", ArrowType.Boolean, true), ("I8", ArrowType.Int8, (sbyte)-8), ("I16", ArrowType.Int16, (short)-16),
            ("I32", ArrowType.Int32, -32), ("I64", ArrowType.Int64, -64L), ("U8", ArrowType.Int16, (short)255),
            ("U16", ArrowType.Int32, 65535), ("U32", ArrowType.Int64, (long)uint.MaxValue),
            ("U64", ArrowType.Decimal128(20, 0), (decimal)ulong.MaxValue), ("F32", ArrowType.Float32, 1.5f), ("F64", ArrowType.Float64, -2.25),
            ("Money", ArrowType.Decimal128(38, 4), 1234.5678m), ("Price", ArrowType.Decimal128(10, 2), 99.95m),
            ("Text", ArrowType.Utf8, "héllo"), ("Letter", ArrowType.Utf8, "Z"),
            ("When", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, null), (When - DateTime.UnixEpoch).Ticks / 10),
            ("At", ArrowType.Timestamp(ArrowTimeUnit.Microsecond, "UTC"), (At.UtcDateTime - DateTime.UnixEpoch).Ticks / 10),
            ("Day", ArrowType.Date32, new DateOnly(1999, 12, 31)),
            ("Span", ArrowType.Duration(ArrowTimeUnit.Microsecond), TimeSpan.FromMinutes(90)),
            ("Id", ArrowType.Utf8, "0f8fad5b-d9cb-469f-a165-70867728950e"), ("Color", ArrowType.Int16, (short)2),
            ("Bytes", ArrowType.Binary, new byte[] { 1, 2, 0, 255 }), ("Maybe", ArrowType.Int32, null), ("renamed", ArrowType.Int32, 7),
        };
        Assert.That(schema.Fields.Select(f => f.Name), Is.EqualTo(expected.Select(e => e.Name)), "[NotMapped] skipped, [Column] renamed");
        Assert.That(schema.Fields.Select(f => f.Type), Is.EqualTo(expected.Select(e => e.Type)));
        Assert.That(Rows(responses).Single(), Is.EqualTo(expected.Select(e => e.Value).ToArray()));
    }

    [Test]
    public async Task Null_members_become_nulls_and_many_rows_load()
    {
        var rows = Enumerable.Range(0, 5000).Select(i => new Sparse(i, i % 2 == 0 ? null : $"v{i}", i % 3 == 0 ? null : i * 0.5)).ToList();
        Server.CreateTable("sparse", rows);

        var read = await RowsAsync(NewClient(), Sql("SELECT * FROM sparse ORDER BY Key"));

        Assert.That(read, Is.EqualTo(rows.Select(r => new object?[] { r.Key, r.Label, r.Score })));
    }

    [Test]
    public async Task Creating_a_table_again_replaces_it()
    {
        Server.CreateTable("t", new[] { new Sparse(1, "old", null) });
        Server.CreateTable("t", new[] { new { Other = "new" } });

        var rows = await RowsAsync(NewClient(), Table("t"));

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { "new" } }));
    }

    [Test]
    public void Unsupported_member_types_and_bad_decimal_type_names_are_rejected_clearly()
    {
        var unsupported = Assert.Throws<NotSupportedException>(() => Server.CreateTable("bad", new[] { new WithObject() }));
        Assert.That(unsupported!.Message, Does.Contain("Items").And.Contain("NotMapped"));

        var badDecimal = Assert.Throws<ArgumentException>(() => Server.CreateTable("bad", new[] { new WithBadDecimal() }));
        Assert.That(badDecimal!.Message, Does.Contain("decimal(40,2)"));
    }

    [Test]
    public async Task A_failed_load_leaves_the_previous_table_in_place()
    {
        Server.CreateTable("kept", new[] { new Sparse(1, "kept", null) });
        Assert.Throws<ArgumentException>(() => Server.CreateTable<Sparse>("kept", [new Sparse(2, "x", null), null!]));

        Assert.That(await RowsAsync(NewClient(), Table("kept")), Is.EqualTo(new[] { new object?[] { 1, "kept", null } }));
    }

    private enum Color : short { Red, Green, Blue }

    private sealed record Sparse(int Key, string? Label, double? Score);

    private sealed class WithObject
    {
        public object Items { get; set; } = new();
    }

    private sealed class WithBadDecimal
    {
        [Column(TypeName = "decimal(40,2)")]
        public decimal Amount { get; set; }
    }

    private sealed class AllTypes
    {
        public bool Flag { get; set; }
        public sbyte I8 { get; set; }
        public short I16 { get; set; }
        public int I32 { get; set; }
        public long I64 { get; set; }
        public byte U8 { get; set; }
        public ushort U16 { get; set; }
        public uint U32 { get; set; }
        public ulong U64 { get; set; }
        public float F32 { get; set; }
        public double F64 { get; set; }
        public decimal Money { get; set; }
        [Column(TypeName = "decimal(10,2)")]
        public decimal Price { get; set; }
        public string Text { get; set; } = "";
        public char Letter { get; set; }
        public DateTime When { get; set; }
        public DateTimeOffset At { get; set; }
        public DateOnly Day { get; set; }
        public TimeSpan Span { get; set; }
        public Guid Id { get; set; }
        public Color Color { get; set; }
        public byte[] Bytes { get; set; } = [];
        public int? Maybe { get; set; }
        [Column("renamed")]
        public int Original { get; set; }
        [NotMapped]
        public int Ignored { get; set; }
    }
}
