using Spark.Connect.Arrow.FlatBuffers;

namespace Spark.Connect.Tests.Arrow;

/// <summary>Hand-made dictionary-encoded streams: a utf8 field 'd' with int32 indices, its DictionaryBatches and record batches.</summary>
internal static class DictionaryMessages
{
    /// <summary>A field dictionary-encoded under <paramref name="id"/> with <paramref name="indexBits"/>-bit signed indices.</summary>
    public static FlatBufferObject Field(string name, byte valueTypeId, long id = 0, int indexBits = 32, params FlatBufferObject[] children) =>
        RawMessages.Field(name, valueTypeId, null, children).Add(4, new FlatBufferObject().Add(0, id).Add(1, RawMessages.Int(indexBits)));

    /// <summary>The schema message of one dictionary-encoded utf8 field 'd'.</summary>
    public static byte[] Schema(long id = 0) => RawMessages.Frame(RawMessages.Schema, RawMessages.SchemaTable(Field("d", 5, id)));

    /// <summary>A DictionaryBatch of utf8 values (no nulls).</summary>
    public static byte[] Utf8Dictionary(long id, bool isDelta, params string[] values)
    {
        var data = values.SelectMany(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var offsets = new int[values.Length + 1];
        for (var i = 0; i < values.Length; i++)
            offsets[i + 1] = offsets[i] + System.Text.Encoding.UTF8.GetByteCount(values[i]);
        var offsetBytes = Padded(offsets.SelectMany(BitConverter.GetBytes).ToArray());
        var body = RawMessages.Concat(offsetBytes, Padded(data));
        var batch = RawMessages.Batch(values.Length, [(values.Length, 0)],
            [(0, 0), (0, offsets.Length * 4), (offsetBytes.Length, data.Length)]);
        return RawMessages.Frame(RawMessages.DictionaryBatch, new FlatBufferObject().Add(0, id).Add(1, batch).Add(2, isDelta), body);
    }

    /// <summary>A record batch of int32 indices; null entries are null rows whose slot holds <paramref name="nullSlot"/>.</summary>
    public static byte[] Indices(int?[] indices, int nullSlot = 0)
    {
        var nulls = indices.Count(i => i is null);
        var validity = new byte[8];
        for (var i = 0; i < indices.Length; i++)
        {
            if (indices[i] is not null)
                validity[i >> 3] |= (byte)(1 << (i & 7));
        }
        var values = Padded(indices.SelectMany(i => BitConverter.GetBytes(i ?? nullSlot)).ToArray());
        var body = RawMessages.Concat(validity, values);
        var batch = RawMessages.Batch(indices.Length, [(indices.Length, nulls)], [(0, nulls == 0 ? 0 : 1), (8, indices.Length * 4)]);
        return RawMessages.Frame(RawMessages.RecordBatch, batch, body);
    }

    private static byte[] Padded(byte[] bytes) => [.. bytes, .. new byte[(8 - bytes.Length % 8) % 8]];
}
