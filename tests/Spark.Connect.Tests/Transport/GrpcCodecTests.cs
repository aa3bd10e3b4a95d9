using NUnit.Framework;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>Binary (<c>-bin</c>) metadata: what the transport checks before sending a caller's header.</summary>
public class GrpcCodecTests
{
    [Test]
    public void Status_details_round_trip_and_decode_with_or_without_padding()
    {
        var status = new Google.Rpc.Status { Code = 13, Message = "boom" };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = "r", Domain = "org.apache.spark", Metadata = { ["errorClass"] = "X" } }));
        string unpadded = GrpcStatusDetailsCodec.Encode(status);
        string padded = Convert.ToBase64String(status.ToByteArray());

        Assert.That(unpadded, Does.Not.EndWith("="));
        Assert.That(GrpcStatusDetailsCodec.TryDecodeBinaryHeader(unpadded, out byte[] fromUnpadded, out _), Is.True);
        Assert.That(GrpcStatusDetailsCodec.TryDecodeBinaryHeader(padded, out byte[] fromPadded, out _), Is.True);
        Assert.That(Google.Rpc.Status.Parser.ParseFrom(fromUnpadded), Is.EqualTo(status));
        Assert.That(Google.Rpc.Status.Parser.ParseFrom(fromPadded), Is.EqualTo(status));
    }

    [TestCase("not base64 at all!", "not valid base64")]
    [TestCase("A", "not a valid base64 length")]
    public void Undecodable_binary_metadata_gives_a_reason_instead_of_throwing(string value, string reason)
    {
        Assert.That(GrpcStatusDetailsCodec.TryDecodeBinaryHeader(value, out byte[] bytes, out string? error), Is.False);
        Assert.That(bytes, Is.Empty);
        Assert.That(error, Does.Contain(reason));
    }
}
