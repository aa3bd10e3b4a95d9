using System.Runtime.InteropServices;
using Google.Protobuf;
using NUnit.Framework;
using Spark.Connect.Wire;

namespace Spark.Connect.Tests.Wire;

/// <summary>
/// The aliasing parser gives Google.Protobuf's answer exactly, with the arrow batch's bytes a view of the payload
/// instead of a copy; every shape it can't split provably (repeated or competing oneof fields, several data fields,
/// groups, damaged bytes) is left to Google's parser.
/// </summary>
public sealed class AliasingResponseParserTests
{
    private const int DefaultDepth = Spark.Connect.Transport.GrpcTransportOptions.DefaultMaxResponseNestingDepth;

    private static ExecutePlanResponse FullBatch(int size) => new()
    {
        SessionId = "session",
        ServerSideSessionId = "server-session",
        OperationId = "op",
        ResponseId = "r7",
        Schema = new DataType { Struct = new DataType.Types.Struct { Fields = { new DataType.Types.StructField { Name = "id", DataType = new DataType { Long = new() } } } } },
        Metrics = new ExecutePlanResponse.Types.Metrics { Metrics_ = { new ExecutePlanResponse.Types.Metrics.Types.MetricObject { Name = "scan", PlanId = 3 } } },
        ArrowBatch = new ExecutePlanResponse.Types.ArrowBatch
        {
            RowCount = 42,
            StartOffset = 0,
            ChunkIndex = 1,
            NumChunksInBatch = 2,
            Data = ByteString.CopyFrom(Enumerable.Range(0, size).Select(i => (byte)(i * 31)).ToArray()),
        },
    };

    [TestCase(1)]
    [TestCase(100_000)]
    [TestCase(5_000_000)]
    public void A_batch_parses_as_google_parses_it_with_its_data_inside_the_payload(int size)
    {
        var payload = FullBatch(size).ToByteArray();

        Assert.That(AliasingResponseParser.TryParse(payload, DefaultDepth, out var parsed), Is.True);

        Assert.That(parsed, Is.EqualTo(ExecutePlanResponse.Parser.ParseFrom(payload)));
        Assert.That(parsed!.ArrowBatch.HasStartOffset, Is.True, "presence of the batch's optional fields is kept");
        Assert.That(MemoryMarshal.TryGetArray(parsed.ArrowBatch.Data.Memory, out var segment), Is.True);
        Assert.That(segment.Array, Is.SameAs(payload), "the data is a view of the received array, not a copy");
        Assert.That(segment.Count, Is.EqualTo(size));
    }

    [Test]
    public void Unknown_fields_around_and_inside_the_batch_are_kept_in_order()
    {
        var batchBody = new MemoryStream();
        var inner = new CodedOutputStream(batchBody);
        inner.WriteTag(40, WireFormat.WireType.Varint);
        inner.WriteInt64(5);
        inner.WriteTag(2, WireFormat.WireType.LengthDelimited);
        inner.WriteBytes(ByteString.CopyFromUtf8("arrow"));
        inner.WriteTag(41, WireFormat.WireType.Fixed32);
        inner.WriteFixed32(9);
        inner.Flush();

        var output = new MemoryStream();
        var top = new CodedOutputStream(output);
        top.WriteTag(900, WireFormat.WireType.LengthDelimited);
        top.WriteString("before");
        top.WriteTag(ExecutePlanResponse.ArrowBatchFieldNumber, WireFormat.WireType.LengthDelimited);
        top.WriteBytes(ByteString.CopyFrom(batchBody.ToArray()));
        top.WriteTag(901, WireFormat.WireType.Fixed64);
        top.WriteFixed64(11);
        top.WriteTag(ExecutePlanResponse.OperationIdFieldNumber, WireFormat.WireType.LengthDelimited);
        top.WriteString("op");
        top.Flush();
        var payload = output.ToArray();

        Assert.That(AliasingResponseParser.TryParse(payload, DefaultDepth, out var parsed), Is.True);
        var expected = ExecutePlanResponse.Parser.ParseFrom(payload);
        Assert.That(parsed, Is.EqualTo(expected));
        Assert.That(parsed!.ToByteArray(), Is.EqualTo(expected.ToByteArray()), "unknown fields are written back in the same order");
        Assert.That(parsed!.ArrowBatch.Data.ToStringUtf8(), Is.EqualTo("arrow"));
    }

    private static byte[] Concat(params IMessage[] parts) => parts.SelectMany(p => p.ToByteArray()).ToArray();

    private static IEnumerable<TestCaseData> ShapesLeftToGoogle()
    {
        var batch = FullBatch(10);
        yield return new TestCaseData(new ExecutePlanResponse { ResultComplete = new() }.ToByteArray()).SetName("No arrow batch");
        // Two arrow_batch fields merge into one message in protobuf; the data of the second wins.
        yield return new TestCaseData(Concat(batch, FullBatch(20))).SetName("Two arrow batch fields");
        // A later member of the oneof replaces the batch.
        yield return new TestCaseData(Concat(batch, new ExecutePlanResponse { ResultComplete = new() })).SetName("Batch then result_complete");
        yield return new TestCaseData(Concat(new ExecutePlanResponse { ResultComplete = new() }, batch)).SetName("result_complete then batch");
        yield return new TestCaseData(new ExecutePlanResponse { ArrowBatch = new() { RowCount = 0 } }.ToByteArray()).SetName("Batch without data");
        var twoDatas = new ExecutePlanResponse.Types.ArrowBatch { Data = ByteString.CopyFromUtf8("a") }.ToByteArray()
            .Concat(new ExecutePlanResponse.Types.ArrowBatch { Data = ByteString.CopyFromUtf8("bb") }.ToByteArray()).ToArray();
        yield return new TestCaseData(WrapBatchBody(twoDatas)).SetName("Two data fields in the batch");
        yield return new TestCaseData(WrapBatchBody([0x0B, 0x08, 0x01, 0x0C, 0x12, 0x01, 0x61])).SetName("A group inside the batch");
        yield return new TestCaseData(new byte[] { 0x0B, 0x0C }.Concat(batch.ToByteArray()).ToArray()).SetName("A group beside the batch");
    }

    private static byte[] WrapBatchBody(byte[] body)
    {
        var output = new MemoryStream();
        var stream = new CodedOutputStream(output);
        stream.WriteTag(ExecutePlanResponse.ArrowBatchFieldNumber, WireFormat.WireType.LengthDelimited);
        stream.WriteBytes(ByteString.CopyFrom(body));
        stream.Flush();
        return output.ToArray();
    }

    [TestCaseSource(nameof(ShapesLeftToGoogle))]
    public void Shapes_it_cannot_split_provably_are_left_to_google(byte[] payload)
    {
        Assert.That(AliasingResponseParser.TryParse(payload, DefaultDepth, out var parsed), Is.False);
        Assert.That(parsed, Is.Null);
        Assert.DoesNotThrow(() => ExecutePlanResponse.Parser.ParseFrom(payload), "the case is valid protobuf: Google's parser decides it");
    }

    [Test]
    public void Damaged_payloads_either_give_googles_answer_or_fail_as_google_fails()
    {
        var valid = FullBatch(300).ToByteArray();
        var random = new Random(17);
        var (split, fellBack) = (0, 0);
        for (var round = 0; round < 3000; round++)
        {
            var payload = (byte[])valid.Clone();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits; e++)
                payload[random.Next(payload.Length)] = (byte)random.Next(256);
            if (round % 5 == 0)
                payload = payload[..random.Next(payload.Length)];

            ExecutePlanResponse? expected = null;
            try { expected = ExecutePlanResponse.Parser.ParseFrom(payload); } catch (InvalidProtocolBufferException) { }
            bool ok;
            ExecutePlanResponse? actual;
            try { ok = AliasingResponseParser.TryParse(payload, DefaultDepth, out actual); }
            catch (InvalidProtocolBufferException)
            {
                Assert.That(expected, Is.Null, $"round {round}: the split parse failed where Google's succeeded");
                continue;
            }
            if (!ok) { fellBack++; continue; }
            split++;
            Assert.That(expected, Is.Not.Null, $"round {round}: the split parse succeeded where Google's failed");
            Assert.That(actual, Is.EqualTo(expected), $"round {round}");
        }
        Assert.That(split, Is.GreaterThan(100), "damaged payloads still split");
        Assert.That(fellBack, Is.GreaterThan(100), "damaged payloads left to Google");
    }

    [Test]
    public void The_nesting_limit_applies_to_the_fields_beside_the_batch()
    {
        var deep = new DataType { Long = new() };
        for (var i = 0; i < 10; i++)
            deep = new DataType { Array = new DataType.Types.Array { ElementType = deep } };
        var response = FullBatch(8);
        response.Schema = deep;
        var payload = response.ToByteArray();

        var error = Assert.Throws<InvalidProtocolBufferException>(() => AliasingResponseParser.TryParse(payload, 5, out _))!;
        Assert.That(error.Message, Does.Contain("levels of nesting"));
        Assert.That(AliasingResponseParser.TryParse(payload, 30, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(ExecutePlanResponse.Parser.ParseFrom(payload)));
    }

    /// <summary>A deserialization context over a sequence of the given segments, as gRPC lends a payload.</summary>
    private sealed class LentPayload(byte[] payload, int segments) : Grpc.Core.DeserializationContext
    {
        public override int PayloadLength => payload.Length;

        public override byte[] PayloadAsNewBuffer() => throw new AssertionException("the ExecutePlan marshaller copies from the lent sequence");

        public override System.Buffers.ReadOnlySequence<byte> PayloadAsReadOnlySequence() =>
            Segments.SequenceOf(payload, segments);
    }

    [Test]
    public void The_copy_out_of_grpcs_buffer_aligns_the_arrow_data_whatever_comes_before_it()
    {
        for (var prefix = 0; prefix < 16; prefix++)
        {
            var response = FullBatch(1000 + prefix);
            response.SessionId = new string('s', prefix);
            var payload = response.ToByteArray();

            var received = Spark.Connect.Transport.ReceivedPayload.ExecutePlanResponse(new LentPayload(payload, segments: 1));
            Array.Clear(payload); // gRPC may reuse its buffer once the deserializer returns
            Assert.That(received.ArrowBatch, Is.Not.Null);
            var parsed = AliasingResponseParser.Parse(received.Buffer, received.Offset, received.ArrowBatch!.Value, DefaultDepth);

            Assert.That(parsed, Is.EqualTo(response), $"prefix {prefix}");
            Assert.That(Spark.Connect.Tests.Transport.ArrowBatchReceiveTests.AddressModulo8(parsed.ArrowBatch.Data), Is.Zero, $"prefix {prefix}");
        }
    }

    [TestCase(2)]
    [TestCase(5)]
    public void A_payload_lent_in_several_segments_is_copied_whole(int segments)
    {
        var response = FullBatch(5000);
        var payload = response.ToByteArray();

        var received = Spark.Connect.Transport.ReceivedPayload.ExecutePlanResponse(new LentPayload(payload, segments));
        Array.Clear(payload);

        Assert.That(received.ArrowBatch, Is.Not.Null);
        Assert.That(AliasingResponseParser.Parse(received.Buffer, received.Offset, received.ArrowBatch!.Value, DefaultDepth), Is.EqualTo(response));
    }

    [Test]
    public void Other_responses_are_copied_without_a_layout_and_parse_as_before()
    {
        var response = new ExecutePlanResponse { SessionId = "s", ResultComplete = new() };
        var payload = response.ToByteArray();

        var received = Spark.Connect.Transport.ReceivedPayload.ExecutePlanResponse(new LentPayload(payload, 1));
        Array.Clear(payload);

        Assert.That(received.ArrowBatch, Is.Null);
        Assert.That(ExecutePlanResponse.Parser.ParseFrom(received.Buffer, received.Offset, received.Length), Is.EqualTo(response));
    }

    /// <summary>Splits bytes into a sequence of about equal segments.</summary>
    private static class Segments
    {
        private sealed class Segment : System.Buffers.ReadOnlySequenceSegment<byte>
        {
            public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
            {
                Memory = memory;
                if (previous is null) return;
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }

        internal static System.Buffers.ReadOnlySequence<byte> SequenceOf(byte[] bytes, int segments)
        {
            if (segments == 1)
                return new System.Buffers.ReadOnlySequence<byte>(bytes);
            var size = (bytes.Length + segments - 1) / segments;
            Segment? first = null, last = null;
            for (var start = 0; start < bytes.Length; start += size)
            {
                last = new Segment(bytes.AsMemory(start, Math.Min(size, bytes.Length - start)), last);
                first ??= last;
            }
            return new System.Buffers.ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
        }
    }
}
