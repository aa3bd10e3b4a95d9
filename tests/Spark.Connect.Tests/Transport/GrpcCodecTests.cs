using NUnit.Framework;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

public class GrpcCodecTests
{
    [TestCase("1H", 3600_000.0)]
    [TestCase("2M", 120_000.0)]
    [TestCase("3S", 3000.0)]
    [TestCase("250m", 250.0)]
    [TestCase("1500u", 1.5)]
    [TestCase("99999999n", 99.999999)]
    public void Timeouts_parse_every_unit(string value, double expectedMilliseconds)
    {
        Assert.That(GrpcTimeoutCodec.TryParse(value, out TimeSpan parsed), Is.True);
        Assert.That(parsed.TotalMilliseconds, Is.EqualTo(expectedMilliseconds).Within(0.0001));
    }

    [TestCase("")]
    [TestCase("m")]
    [TestCase("10")]
    [TestCase("10x")]
    [TestCase("-5m")]
    [TestCase("123456789m")]
    [TestCase("1 m")]
    public void Malformed_timeouts_are_rejected(string value)
    {
        Assert.That(GrpcTimeoutCodec.TryParse(value, out _), Is.False);
    }

    [TestCase("plain ascii text", "plain ascii text")]
    [TestCase("100%", "100%25")]
    [TestCase("line\nbreak", "line%0Abreak")]
    [TestCase("ünï", "%C3%BCn%C3%AF")]
    public void Status_messages_are_percent_encoded(string message, string expected)
    {
        Assert.That(GrpcMessageCodec.Encode(message), Is.EqualTo(expected));
        Assert.That(GrpcMessageCodec.Decode(expected), Is.EqualTo(message));
    }

    [TestCase("50%", "50%")]
    [TestCase("%zz and %4", "%zz and %4")]
    [TestCase("%E2%82%AC", "€")]
    public void Decoding_never_fails_on_malformed_escapes(string value, string expected)
    {
        Assert.That(GrpcMessageCodec.Decode(value), Is.EqualTo(expected));
    }

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
