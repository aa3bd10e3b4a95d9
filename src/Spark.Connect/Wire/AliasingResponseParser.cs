using Google.Protobuf;

namespace Spark.Connect.Wire;

/// <summary>
/// Parses an <see cref="ExecutePlanResponse"/> carrying an <c>arrow_batch</c> so that its <c>data</c> (the Arrow IPC
/// bytes, nearly the whole message) is a view of the received array instead of a copy of it: Google.Protobuf copies
/// every <c>bytes</c> field out of its input, which for results is a second large-object-heap array per batch.
/// </summary>
/// <remarks>
/// <para>Only safe on an array no one else will change or reuse: the transport passes what gRPC's
/// <c>DeserializationContext.PayloadAsNewBuffer()</c> returns, which its contract makes the caller's for good. The
/// <c>ReadOnlySequence</c> form is only valid while the deserializer runs, so it is never aliased.</para>
/// <para>The result equals what <c>ExecutePlanResponse.Parser.ParseFrom(payload)</c> gives, because a protobuf
/// message parsed from the concatenation of two byte ranges is the first parsed and the second merged into it:
/// everything but the arrow batch is parsed by Google.Protobuf from the bytes before and after it, the batch's
/// fields other than <c>data</c> the same way, and <c>data</c> is wrapped. The fast path is taken only when that
/// reasoning holds without any protobuf subtlety: exactly one <c>arrow_batch</c> field, no other field of the
/// <c>response_type</c> oneof (so the batch is the oneof's final value), exactly one <c>data</c> field in it, and
/// no groups at those levels. Anything else returns false and the caller parses as usual.</para>
/// </remarks>
internal static class AliasingResponseParser
{
    private static readonly HashSet<int> ResponseTypeFields = ExecutePlanResponse.Descriptor.Oneofs
        .Single(o => o.Name == "response_type").Fields.Select(f => f.FieldNumber).ToHashSet();

    /// <summary>
    /// Parses <paramref name="payload"/> with <c>data</c> aliasing it, nesting limited to <paramref name="recursionLimit"/>
    /// levels; false when the message is not a lone arrow batch this parser can split (then nothing was parsed).
    /// </summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes around the batch are not valid protobuf.</exception>
    internal static bool TryParse(byte[] payload, int recursionLimit, out ExecutePlanResponse? response)
    {
        response = TryLocate(payload, out var layout) ? Parse(payload, 0, layout, recursionLimit) : null;
        return response is not null;
    }

    /// <summary>
    /// Parses the message at <paramref name="offset"/> of <paramref name="buffer"/>, laid out as <paramref name="layout"/>
    /// (offsets relative to the message) says, with <c>data</c> a view of <paramref name="buffer"/>.
    /// </summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes around the batch are not valid protobuf.</exception>
    internal static ExecutePlanResponse Parse(byte[] buffer, int offset, ArrowBatchLayout layout, int recursionLimit)
    {
        var (batchField, dataField) = (layout.Batch, layout.Data);
        var parsed = new ExecutePlanResponse();
        Merge(parsed, buffer, offset, batchField.Start, recursionLimit);
        Merge(parsed, buffer, offset + batchField.End, layout.MessageLength - batchField.End, recursionLimit);
        var batch = new ExecutePlanResponse.Types.ArrowBatch();
        // The batch's own fields are scalars (checked while locating), so its nesting needs no limit of its own.
        Merge(batch, buffer, offset + batchField.ValueStart, dataField.Start - batchField.ValueStart, recursionLimit);
        Merge(batch, buffer, offset + dataField.End, batchField.End - dataField.End, recursionLimit);
        batch.Data = UnsafeByteOperations.UnsafeWrap(buffer.AsMemory(offset + dataField.ValueStart, dataField.End - dataField.ValueStart));
        parsed.ArrowBatch = batch;
        return parsed;
    }

    /// <summary>Finds the one <c>arrow_batch</c> field and the one <c>data</c> field inside it, if the shape allows the split.</summary>
    internal static bool TryLocate(ReadOnlySpan<byte> message, out ArrowBatchLayout layout)
    {
        layout = default;
        ProtoField batchField = default, dataField = default;
        var batches = 0;
        var top = new ProtoFieldScanner(message, 0);
        while (top.Next(out var field))
        {
            if (!ResponseTypeFields.Contains(field.Number))
                continue;
            if (field.Number != ExecutePlanResponse.ArrowBatchFieldNumber || !ProtoFieldScanner.IsLengthDelimited(field) || ++batches > 1)
                return false;
            batchField = field;
        }
        if (!top.Scanned || batches != 1)
            return false;

        var datas = 0;
        var inner = new ProtoFieldScanner(message[..batchField.End], batchField.ValueStart);
        while (inner.Next(out var field))
        {
            if (field.Number != ExecutePlanResponse.Types.ArrowBatch.DataFieldNumber)
                continue;
            if (!ProtoFieldScanner.IsLengthDelimited(field) || ++datas > 1)
                return false;
            dataField = field;
        }
        if (!inner.Scanned || datas != 1)
            return false;
        layout = new ArrowBatchLayout(batchField, dataField, message.Length);
        return true;
    }

    private static void Merge(IMessage message, byte[] payload, int offset, int length, int recursionLimit)
    {
        if (length == 0)
            return;
        // The array overload applies protobuf's default nesting limit; another limit needs a limited input.
        if (recursionLimit == Transport.GrpcTransportOptions.DefaultMaxResponseNestingDepth)
            message.MergeFrom(payload, offset, length);
        else
            message.MergeFrom(CodedInputStream.CreateWithLimits(new MemoryStream(payload, offset, length, writable: false), int.MaxValue, recursionLimit));
    }
}

/// <summary>Where the one <c>arrow_batch</c> field and its one <c>data</c> field lie in a message of <paramref name="MessageLength"/> bytes.</summary>
internal readonly record struct ArrowBatchLayout(ProtoField Batch, ProtoField Data, int MessageLength);
