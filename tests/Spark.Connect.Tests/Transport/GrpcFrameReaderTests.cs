using NUnit.Framework;
using Google.Protobuf;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

public class GrpcFrameReaderTests
{
    private static readonly ConfigRequest Sample = new() { SessionId = "3f1c8a3e-0000-4000-8000-000000000001", ClientType = "tests" };

    [Test]
    public async Task Frames_written_by_the_writer_read_back_in_order_then_end_cleanly()
    {
        var second = new ConfigRequest { SessionId = "other" };
        var stream = new MemoryStream([.. GrpcFrameWriter.Frame(Sample), .. GrpcFrameWriter.Frame(second)]);
        var reader = new GrpcFrameReader(stream, 1024, encoding: null);

        Assert.That(ConfigRequest.Parser.ParseFrom(await reader.ReadMessageAsync(default)), Is.EqualTo(Sample));
        Assert.That(ConfigRequest.Parser.ParseFrom(await reader.ReadMessageAsync(default)), Is.EqualTo(second));
        Assert.That(await reader.ReadMessageAsync(default), Is.Null);
    }

    [Test]
    public void The_header_is_a_zero_flag_and_a_big_endian_length()
    {
        byte[] frame = GrpcFrameWriter.Frame(Sample);
        int size = Sample.CalculateSize();

        Assert.That(frame[..5], Is.EqualTo(new byte[] { 0, (byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size }));
        Assert.That(frame[5..], Is.EqualTo(Sample.ToByteArray()));
    }

    [Test]
    public async Task An_empty_message_is_a_five_byte_frame()
    {
        var reader = new GrpcFrameReader(new MemoryStream(GrpcFrameWriter.Frame(new ConfigRequest())), 1024, null);

        Assert.That(await reader.ReadMessageAsync(default), Is.Empty);
        Assert.That(await reader.ReadMessageAsync(default), Is.Null);
    }

    [TestCase(0xFFFFFFFFu)]
    [TestCase(0x80000000u)]
    [TestCase(1025u)]
    public async Task A_length_above_the_limit_is_ResourceExhausted_before_reading_or_allocating(uint announced)
    {
        byte[] header = [0, (byte)(announced >> 24), (byte)(announced >> 16), (byte)(announced >> 8), (byte)announced];
        var reader = new GrpcFrameReader(new MemoryStream(header), 1024, null);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = await Assert.ThrowsAsync<GrpcException>(async () => await reader.ReadMessageAsync(default));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.ResourceExhausted));
        Assert.That(error.Detail, Does.Contain(announced.ToString()).And.Contain("1024"));
        Assert.That(allocated, Is.LessThan(64 * 1024), "the announced payload must not be allocated");
    }

    [Test]
    public async Task A_frame_exactly_at_the_limit_is_accepted()
    {
        byte[] frame = GrpcFrameWriter.Frame(Sample);
        var reader = new GrpcFrameReader(new MemoryStream(frame), Sample.CalculateSize(), null);

        await Assert.DoesNotThrowAsync(async () => await reader.ReadMessageAsync(default));
    }

    [TestCase(1)]
    [TestCase(4)]
    public async Task A_stream_ending_inside_the_header_is_a_truncated_frame(int headerBytes)
    {
        byte[] frame = GrpcFrameWriter.Frame(Sample)[..headerBytes];
        var reader = new GrpcFrameReader(new MemoryStream(frame), 1024, null);

        var error = await Assert.ThrowsAsync<GrpcException>(async () => await reader.ReadMessageAsync(default));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(error.Detail, Does.Contain("Truncated").And.Contain($"{headerBytes} of the 5"));
    }

    [Test]
    public async Task A_stream_ending_inside_the_payload_is_a_truncated_frame()
    {
        byte[] frame = GrpcFrameWriter.Frame(Sample);
        var reader = new GrpcFrameReader(new MemoryStream(frame[..^3]), 1024, null);

        var error = await Assert.ThrowsAsync<GrpcException>(async () => await reader.ReadMessageAsync(default));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(error.Detail, Does.Contain($"announced {Sample.CalculateSize()} bytes").And.Contain($"after {Sample.CalculateSize() - 3}"));
    }

    [Test]
    public async Task A_compressed_frame_without_negotiated_encoding_is_Internal()
    {
        byte[] frame = GrpcFrameWriter.Frame(Sample);
        frame[0] = 1;
        var reader = new GrpcFrameReader(new MemoryStream(frame), 1024, encoding: "identity");

        var error = await Assert.ThrowsAsync<GrpcException>(async () => await reader.ReadMessageAsync(default));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(error.Detail, Does.Contain("compressed").And.Contain("no grpc-encoding"));
    }

    [Test]
    public async Task A_compressed_frame_with_a_negotiated_encoding_is_Unimplemented_naming_it()
    {
        byte[] frame = GrpcFrameWriter.Frame(Sample);
        frame[0] = 1;
        var reader = new GrpcFrameReader(new MemoryStream(frame), 1024, encoding: "gzip");

        var error = await Assert.ThrowsAsync<GrpcException>(async () => await reader.ReadMessageAsync(default));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unimplemented));
        Assert.That(error.Detail, Does.Contain("gzip"));
    }

    [Test]
    public async Task An_undefined_flag_byte_is_Internal()
    {
        byte[] frame = GrpcFrameWriter.Frame(Sample);
        frame[0] = 0x80;
        var reader = new GrpcFrameReader(new MemoryStream(frame), 1024, null);

        var error = await Assert.ThrowsAsync<GrpcException>(async () => await reader.ReadMessageAsync(default));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(error.Detail, Does.Contain("128"));
    }

    [Test]
    public async Task Frames_split_across_many_small_reads_are_reassembled()
    {
        byte[] bytes = [.. GrpcFrameWriter.Frame(Sample), .. GrpcFrameWriter.Frame(Sample)];
        var reader = new GrpcFrameReader(new OneByteStream(bytes), 1024, null);

        Assert.That(ConfigRequest.Parser.ParseFrom(await reader.ReadMessageAsync(default)), Is.EqualTo(Sample));
        Assert.That(ConfigRequest.Parser.ParseFrom(await reader.ReadMessageAsync(default)), Is.EqualTo(Sample));
        Assert.That(await reader.ReadMessageAsync(default), Is.Null);
    }

    /// <summary>Returns one byte per read, like a network delivering tiny DATA frames.</summary>
    private sealed class OneByteStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);
    }
}
