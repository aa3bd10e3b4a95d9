using NUnit.Framework;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>Binary (<c>-bin</c>) metadata: what the transport checks before sending a caller's header.</summary>
public class GrpcMetadataTests
{
    [Test]
    public void Binary_values_decode_with_or_without_padding()
    {
        var status = new Google.Rpc.Status { Code = 13, Message = "boom" };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = "r", Domain = "org.apache.spark", Metadata = { ["errorClass"] = "X" } }));
        string unpadded = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        string padded = Convert.ToBase64String(status.ToByteArray());

        Assert.That(unpadded, Does.Not.EndWith("="));
        Assert.That(GrpcMetadata.TryDecodeBinary(unpadded, out byte[] fromUnpadded, out _), Is.True);
        Assert.That(GrpcMetadata.TryDecodeBinary(padded, out byte[] fromPadded, out _), Is.True);
        Assert.That(Google.Rpc.Status.Parser.ParseFrom(fromUnpadded), Is.EqualTo(status));
        Assert.That(Google.Rpc.Status.Parser.ParseFrom(fromPadded), Is.EqualTo(status));
    }

    [TestCase("not base64 at all!", "not valid base64")]
    [TestCase("A", "not a valid base64 length")]
    public void Undecodable_binary_metadata_gives_a_reason_instead_of_throwing(string value, string reason)
    {
        Assert.That(GrpcMetadata.TryDecodeBinary(value, out byte[] bytes, out string? error), Is.False);
        Assert.That(bytes, Is.Empty);
        Assert.That(error, Does.Contain(reason));
    }

    [TestCase("Upper", "invalid")]
    [TestCase("grpc-timeout", "reserved")]
    [TestCase("content-type", "reserved")]
    public void Keys_that_are_malformed_or_belong_to_the_transport_are_refused(string key, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => GrpcMetadata.Validate(key, "v"));
        Assert.That(error!.Message, Does.Contain(key).And.Contain(reason));
    }

    [Test]
    public void A_refused_value_is_never_echoed()
    {
        var error = Assert.Throws<ArgumentException>(() => GrpcMetadata.Validate("x-api-key", "s3cret\n"));
        Assert.That(error!.Message, Does.Contain("x-api-key").And.Not.Contain("s3cret"));
    }
}
