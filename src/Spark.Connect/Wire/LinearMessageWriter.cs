using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Spark.Connect.Wire;

/// <summary>
/// Serializes a message as Google.Protobuf's generated code does, byte for byte, in time linear in its size. The
/// generated <c>WriteTo</c> asks every nested message for its size again at each level it is written from, so a plan d
/// levels deep costs O(d²); this writer measures every message once, bottom-up, then writes with the sizes it kept.
/// It reads the messages through their descriptors; a message holding unknown fields (parsed from newer bytes) is left
/// to Google's writer, which keeps them.
/// </summary>
internal static class LinearMessageWriter
{
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> Fields = new();
    private static readonly ConcurrentDictionary<Type, FieldInfo?> UnknownFieldSlots = new();

    /// <summary>The message's bytes, equal to <c>message.ToByteArray()</c>.</summary>
    public static byte[] ToByteArray(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sizes = new Dictionary<IMessage, int>(ReferenceEqualityComparer.Instance);
        if (!TryMeasure(message, sizes, out var total))
            return message.ToByteArray();
        var bytes = new byte[total];
        var output = new CodedOutputStream(bytes);
        Write(message, sizes, output);
        output.CheckNoSpaceLeft();
        return bytes;
    }

    // ---- sizes, bottom-up, each message once ----

    private static bool TryMeasure(IMessage message, Dictionary<IMessage, int> sizes, out int size)
    {
        size = 0;
        if (HasUnknownFields(message))
            return false;
        foreach (var field in FieldsOf(message.Descriptor))
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (!TryEntrySize(field, entry, sizes, out var entrySize))
                        return false;
                    size += CodedOutputStream.ComputeTagSize(field.FieldNumber) + CodedOutputStream.ComputeLengthSize(entrySize) + entrySize;
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)value;
                if (list.Count == 0)
                    continue;
                if (IsPacked(field))
                {
                    var data = PackedSize(field, list);
                    size += CodedOutputStream.ComputeTagSize(field.FieldNumber) + CodedOutputStream.ComputeLengthSize(data) + data;
                    continue;
                }
                foreach (var item in list)
                {
                    if (!TryValueSize(field, item, sizes, out var itemSize))
                        return false;
                    size += CodedOutputStream.ComputeTagSize(field.FieldNumber) + itemSize;
                }
            }
            else if (IsWritten(field, message, value))
            {
                if (!TryValueSize(field, value, sizes, out var valueSize))
                    return false;
                size += CodedOutputStream.ComputeTagSize(field.FieldNumber) + valueSize;
            }
        }
        sizes[message] = size;
        return true;
    }

    private static bool TryEntrySize(FieldDescriptor map, DictionaryEntry entry, Dictionary<IMessage, int> sizes, out int size)
    {
        var (key, value) = (map.MessageType.FindFieldByNumber(1), map.MessageType.FindFieldByNumber(2));
        size = 0;
        if (!TryValueSize(key, entry.Key, sizes, out var keySize) || !TryValueSize(value, entry.Value!, sizes, out var valueSize))
            return false;
        // Google's map codec leaves out a key or value equal to its type's default, as for plain fields.
        size = (IsDefault(entry.Key) ? 0 : CodedOutputStream.ComputeTagSize(1) + keySize)
            + (IsDefault(entry.Value) ? 0 : CodedOutputStream.ComputeTagSize(2) + valueSize);
        return true;
    }

    /// <summary>The size of one value without its tag (a message's with its length prefix).</summary>
    private static bool TryValueSize(FieldDescriptor field, object value, Dictionary<IMessage, int> sizes, out int size)
    {
        if (field.FieldType != FieldType.Message)
        {
            size = ScalarSize(field.FieldType, value);
            return true;
        }
        if (!TryMeasure((IMessage)value, sizes, out var inner))
        {
            size = 0;
            return false;
        }
        size = CodedOutputStream.ComputeLengthSize(inner) + inner;
        return true;
    }

    /// <summary>The bytes of a packed repeated field's values, without its tag and length.</summary>
    private static int PackedSize(FieldDescriptor field, IList list)
    {
        var size = 0;
        foreach (var item in list) size += ScalarSize(field.FieldType, item);
        return size;
    }

    private static int ScalarSize(FieldType type, object value) => type switch
    {
        FieldType.Double => 8,
        FieldType.Float => 4,
        FieldType.Int64 => CodedOutputStream.ComputeInt64Size((long)value),
        FieldType.UInt64 => CodedOutputStream.ComputeUInt64Size((ulong)value),
        FieldType.Int32 => CodedOutputStream.ComputeInt32Size((int)value),
        FieldType.Fixed64 or FieldType.SFixed64 => 8,
        FieldType.Fixed32 or FieldType.SFixed32 => 4,
        FieldType.Bool => 1,
        FieldType.String => CodedOutputStream.ComputeStringSize((string)value),
        FieldType.Bytes => CodedOutputStream.ComputeBytesSize((ByteString)value),
        FieldType.UInt32 => CodedOutputStream.ComputeUInt32Size((uint)value),
        FieldType.SInt32 => CodedOutputStream.ComputeSInt32Size((int)value),
        FieldType.SInt64 => CodedOutputStream.ComputeSInt64Size((long)value),
        FieldType.Enum => CodedOutputStream.ComputeEnumSize(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"The protobuf field type {type} is not written by {nameof(LinearMessageWriter)}."),
    };

    // ---- writing, top-down, with the sizes kept ----

    private static void Write(IMessage message, Dictionary<IMessage, int> sizes, CodedOutputStream output)
    {
        foreach (var field in FieldsOf(message.Descriptor))
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var (key, item) = (field.MessageType.FindFieldByNumber(1), field.MessageType.FindFieldByNumber(2));
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    TryEntrySize(field, entry, sizes, out var entrySize);
                    output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                    output.WriteLength(entrySize);
                    if (!IsDefault(entry.Key)) WriteField(key, entry.Key, sizes, output);
                    if (!IsDefault(entry.Value)) WriteField(item, entry.Value!, sizes, output);
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)value;
                if (list.Count == 0)
                    continue;
                if (IsPacked(field))
                {
                    output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                    output.WriteLength(PackedSize(field, list));
                    foreach (var element in list) WriteScalar(field.FieldType, element, output);
                    continue;
                }
                foreach (var element in list) WriteField(field, element, sizes, output);
            }
            else if (IsWritten(field, message, value))
            {
                WriteField(field, value, sizes, output);
            }
        }
    }

    private static void WriteField(FieldDescriptor field, object value, Dictionary<IMessage, int> sizes, CodedOutputStream output)
    {
        if (field.FieldType == FieldType.Message)
        {
            var child = (IMessage)value;
            output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteLength(sizes[child]);
            Write(child, sizes, output);
            return;
        }
        output.WriteTag(field.FieldNumber, WireTypeOf(field.FieldType));
        WriteScalar(field.FieldType, value, output);
    }

    private static void WriteScalar(FieldType type, object value, CodedOutputStream output)
    {
        switch (type)
        {
            case FieldType.Double: output.WriteDouble((double)value); break;
            case FieldType.Float: output.WriteFloat((float)value); break;
            case FieldType.Int64: output.WriteInt64((long)value); break;
            case FieldType.UInt64: output.WriteUInt64((ulong)value); break;
            case FieldType.Int32: output.WriteInt32((int)value); break;
            case FieldType.Fixed64: output.WriteFixed64((ulong)value); break;
            case FieldType.Fixed32: output.WriteFixed32((uint)value); break;
            case FieldType.Bool: output.WriteBool((bool)value); break;
            case FieldType.String: output.WriteString((string)value); break;
            case FieldType.Bytes: output.WriteBytes((ByteString)value); break;
            case FieldType.UInt32: output.WriteUInt32((uint)value); break;
            case FieldType.SFixed32: output.WriteSFixed32((int)value); break;
            case FieldType.SFixed64: output.WriteSFixed64((long)value); break;
            case FieldType.SInt32: output.WriteSInt32((int)value); break;
            case FieldType.SInt64: output.WriteSInt64((long)value); break;
            case FieldType.Enum: output.WriteEnum(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            default: throw new NotSupportedException($"The protobuf field type {type} is not written by {nameof(LinearMessageWriter)}.");
        }
    }

    private static WireFormat.WireType WireTypeOf(FieldType type) => type switch
    {
        FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64 => WireFormat.WireType.Fixed64,
        FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32 => WireFormat.WireType.Fixed32,
        FieldType.String or FieldType.Bytes or FieldType.Message => WireFormat.WireType.LengthDelimited,
        _ => WireFormat.WireType.Varint,
    };

    // Proto3: a message when set, a field with presence (optional, oneof) when present, any other scalar when not its default.
    private static bool IsWritten(FieldDescriptor field, IMessage message, object? value)
    {
        if (field.FieldType == FieldType.Message)
            return value is not null;
        if (field.HasPresence)
            return field.Accessor.HasValue(message);
        return !IsDefault(value);
    }

    // Only numeric, boolean and enum elements pack; the descriptor's own flag also answers true for strings and messages.
    private static bool IsPacked(FieldDescriptor field) =>
        field.IsPacked && field.FieldType is not (FieldType.String or FieldType.Bytes or FieldType.Message or FieldType.Group);

    private static bool IsDefault(object? value) =>
        !(value switch
        {
            null => false,
            string text => text.Length > 0,
            ByteString bytes => !bytes.IsEmpty,
            bool flag => flag,
            double number => number != 0D,
            float number => number != 0F,
            int number => number != 0,
            long number => number != 0,
            uint number => number != 0,
            ulong number => number != 0,
            Enum member => Convert.ToInt32(member, System.Globalization.CultureInfo.InvariantCulture) != 0,
            _ => true,
        });

    private static FieldDescriptor[] FieldsOf(MessageDescriptor descriptor) =>
        Fields.GetOrAdd(descriptor, d => [.. d.Fields.InFieldNumberOrder()]);

    // Generated messages keep fields they did not know in a private UnknownFieldSet.
    private static bool HasUnknownFields(IMessage message) =>
        UnknownFieldSlots.GetOrAdd(message.GetType(), t => t.GetField("_unknownFields", BindingFlags.Instance | BindingFlags.NonPublic)) is { } slot
        && slot.GetValue(message) is not null;
}
