using NUnit.Framework;
using Spark.Connect.Arrow;
using Spark.Connect.Arrow.FlatBuffers;

namespace Spark.Connect.Tests.Arrow;

[TestFixture]
public sealed class FlatBufferTests
{
    private static byte[] Sample() => FlatBufferBuilder.Serialize(new FlatBufferObject()
        .Add(0, (short)-7)
        .Add(1, (byte)200)
        .Add(2, new FlatBufferObject().Add(0, "héllo"))
        .Add(3, long.MinValue)
        .Add(4, new[] { new FlatBufferObject().Add(0, 1), new FlatBufferObject().Add(0, 2) })
        .Add(6, new FlatBufferStructVector([1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0], 2)));

    [Test]
    public void Builder_output_reads_back_field_by_field()
    {
        var table = FlatBufferTable.Root(Sample(), "Test");

        Assert.That(table.GetShort(0), Is.EqualTo(-7));
        Assert.That(table.GetByte(1), Is.EqualTo(200));
        Assert.That(table.GetTable(2, "Child")!.Value.GetString(0), Is.EqualTo("héllo"));
        Assert.That(table.GetLong(3), Is.EqualTo(long.MinValue));
        Assert.That(table.GetTableVectorLength(4), Is.EqualTo(2));
        Assert.That(table.GetTableVectorElement(4, 1, "Element").GetInt(0), Is.EqualTo(2));
        Assert.That(table.GetStructVector(6, 8, out var count).ToArray()[8], Is.EqualTo(2));
        Assert.That(count, Is.EqualTo(2));
        Assert.That(table.Has(5), Is.False);
        Assert.That(table.GetInt(5, 42), Is.EqualTo(42), "absent fields take their default");
        Assert.That(table.GetInt(30, 9), Is.EqualTo(9), "fields beyond the vtable are absent");
    }

    [Test]
    public void Every_field_of_the_builder_output_is_aligned()
    {
        var bytes = Sample();
        var table = FlatBufferTable.Root(bytes, "Test");
        var root = BitConverter.ToInt32(bytes, 0);
        var vtable = root - BitConverter.ToInt32(bytes, root);
        var longField = root + BitConverter.ToUInt16(bytes, vtable + 4 + 2 * 3);

        Assert.That(root % 8, Is.EqualTo(0));
        Assert.That(longField % 8, Is.EqualTo(0));
        Assert.That(bytes.Length % 8, Is.EqualTo(0));
        Assert.That(table.GetLong(3), Is.EqualTo(long.MinValue));
    }

    [TestCase("root", 0x7FFFFFF0)]
    [TestCase("root", -1)]
    [TestCase("soffset", int.MaxValue)]
    [TestCase("soffset", int.MinValue)]
    [TestCase("vtable size", 3)]
    [TestCase("vtable size", 0xFFFF)]
    [TestCase("table size", 0xFFFF)]
    [TestCase("table size", 2)]
    public void Bad_table_headers_are_reported(string part, int value)
    {
        var bytes = Sample();
        var root = BitConverter.ToInt32(bytes, 0);
        var vtable = root - BitConverter.ToInt32(bytes, root);
        switch (part)
        {
            case "root": BitConverter.GetBytes(value).CopyTo(bytes, 0); break;
            case "soffset": BitConverter.GetBytes(value).CopyTo(bytes, root); break;
            case "vtable size": BitConverter.GetBytes((ushort)value).CopyTo(bytes, vtable); break;
            default: BitConverter.GetBytes((ushort)value).CopyTo(bytes, vtable + 2); break;
        }

        Assert.That(() => FlatBufferTable.Root(bytes, "Test"), Throws.TypeOf<ArrowFormatException>().With.Message.Contains("Test"));
    }

    [TestCase(2, "string")]
    [TestCase(4, "vector")]
    [TestCase(6, "struct vector")]
    public void Bad_reference_targets_and_lengths_are_reported(int slot, string kind)
    {
        var bytes = Sample();
        var root = BitConverter.ToInt32(bytes, 0);
        var vtable = root - BitConverter.ToInt32(bytes, root);
        var field = root + BitConverter.ToUInt16(bytes, vtable + 4 + 2 * slot);
        var target = field + BitConverter.ToInt32(bytes, field);

        var outside = (byte[])bytes.Clone();
        BitConverter.GetBytes(int.MaxValue).CopyTo(outside, field);
        var table = FlatBufferTable.Root(outside, "Test");
        Assert.That(() => Read(table, slot), Throws.TypeOf<ArrowFormatException>(), $"{kind} offset outside");

        var longVector = (byte[])bytes.Clone();
        if (slot == 2)
        {
            var child = FlatBufferTable.Root(bytes, "Test");
            // The child table's string: corrupt its length prefix.
            var childVtable = target - BitConverter.ToInt32(bytes, target);
            var stringField = target + BitConverter.ToUInt16(bytes, childVtable + 4);
            target = stringField + BitConverter.ToInt32(bytes, stringField);
            Assert.That(child.GetTable(2, "Child")!.Value.GetString(0), Is.EqualTo("héllo"));
        }
        BitConverter.GetBytes(0x40000000u).CopyTo(longVector, target);
        var corrupt = FlatBufferTable.Root(longVector, "Test");
        Assert.That(() => Read(corrupt, slot), Throws.TypeOf<ArrowFormatException>().With.Message.Contains("metadata"), $"{kind} length");
    }

    [Test]
    public void A_field_slot_outside_its_table_is_reported()
    {
        var bytes = Sample();
        var root = BitConverter.ToInt32(bytes, 0);
        var vtable = root - BitConverter.ToInt32(bytes, root);
        BitConverter.GetBytes((ushort)0xFFF0).CopyTo(bytes, vtable + 4 + 2 * 3);

        Assert.That(() => FlatBufferTable.Root(bytes, "Test").GetLong(3),
            Throws.TypeOf<ArrowFormatException>().With.Message.Contains("outside"));
    }

    private static object? Read(FlatBufferTable table, int slot) => slot switch
    {
        2 => table.GetTable(2, "Child")!.Value.GetString(0),
        4 => table.GetTableVectorElement(4, 1, "Element").GetInt(0),
        _ => table.GetStructVector(6, 8, out _).Length,
    };
}
