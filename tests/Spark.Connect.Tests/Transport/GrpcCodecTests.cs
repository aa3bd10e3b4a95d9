using NUnit.Framework;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

public class GrpcCodecTests
{
    [TestCase(200.0, "200000u")]
    [TestCase(0.5, "500000n")]
    [TestCase(99_999.0, "99999000u")]
    [TestCase(100_000.0, "100000m")]
    [TestCase(3_600_000.0 * 24 * 365, "31536000S")]
    public void Timeouts_use_the_finest_unit_that_fits_eight_digits(double milliseconds, string expected)
    {
        Assert.That(GrpcTimeoutCodec.Format(TimeSpan.FromMilliseconds(milliseconds)), Is.EqualTo(expected));
    }

    [Test]
    public void Timeouts_round_up_rather_than_shorten_the_deadline()
    {
        string encoded = GrpcTimeoutCodec.Format(TimeSpan.FromTicks(1_000_000_001)); // 100.0000001 s

        Assert.That(GrpcTimeoutCodec.TryParse(encoded, out TimeSpan parsed), Is.True);
        Assert.That(parsed, Is.GreaterThanOrEqualTo(TimeSpan.FromTicks(1_000_000_001)));
    }

    [Test]
    public void The_largest_timeout_still_fits_the_header()
    {
        string encoded = GrpcTimeoutCodec.Format(TimeSpan.MaxValue);

        Assert.That(encoded.Length, Is.LessThanOrEqualTo(9));
        Assert.That(GrpcTimeoutCodec.TryParse(encoded, out _), Is.True);
    }

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
        Assert.That(GrpcStatusDetailsCodec.TryDecode(unpadded, out var fromUnpadded, out _), Is.True);
        Assert.That(GrpcStatusDetailsCodec.TryDecode(padded, out var fromPadded, out _), Is.True);
        Assert.That(fromUnpadded, Is.EqualTo(status));
        Assert.That(fromPadded, Is.EqualTo(status));
    }

    [TestCase("not base64 at all!", "not valid base64")]
    [TestCase("A", "not a valid base64 length")]
    [TestCase("/////w", "not a valid google.rpc.Status")]
    public void Undecodable_status_details_give_a_reason_instead_of_throwing(string value, string reason)
    {
        Assert.That(GrpcStatusDetailsCodec.TryDecode(value, out var status, out string? error), Is.False);
        Assert.That(status, Is.Null);
        Assert.That(error, Does.Contain(reason));
    }

    [TestCase("authorization", true)]
    [TestCase("Authorization", true)]
    [TestCase("x-trace", false)]
    public void Credential_headers_are_recognised_as_secret(string name, bool secret)
    {
        Assert.That(GrpcProtocol.IsSecret(name), Is.EqualTo(secret));
    }

    [TestCase(400, GrpcStatusCode.Internal)]
    [TestCase(401, GrpcStatusCode.Unauthenticated)]
    [TestCase(403, GrpcStatusCode.PermissionDenied)]
    [TestCase(404, GrpcStatusCode.Unimplemented)]
    [TestCase(429, GrpcStatusCode.Unavailable)]
    [TestCase(502, GrpcStatusCode.Unavailable)]
    [TestCase(503, GrpcStatusCode.Unavailable)]
    [TestCase(504, GrpcStatusCode.Unavailable)]
    [TestCase(500, GrpcStatusCode.Unknown)]
    public void Http_statuses_map_as_the_grpc_spec_says(int http, GrpcStatusCode expected)
    {
        Assert.That(GrpcProtocol.FromHttpStatus((System.Net.HttpStatusCode)http), Is.EqualTo(expected));
    }
}
