using NUnit.Framework;

namespace Spark.Connect.Tests.Client;

/// <summary>Malformed connection strings: each must fail with a message naming the bad part and never the token.</summary>
[TestFixture]
public class SparkConnectionStringErrorTests
{
    private const string Secret = "Zq9SuperSecretTokenValue";
    private const string WithToken = ";token=" + Secret;

    private static IEnumerable<TestCaseData> Malformed()
    {
        TestCaseData Case(string input, string mentions) => new TestCaseData(input, mentions).SetArgDisplayNames(input.Length > 60 ? input[..60] + "..." : input);

        yield return Case("", "empty");
        yield return Case("http://h:15002/" + WithToken, "scheme must be 'sc', found 'http'");
        yield return Case("h:15002", "scheme");
        yield return Case("sc:/h", "scheme");
        yield return Case("SC://h", "scheme must be 'sc'");
        yield return Case("sc://", "host is missing");
        yield return Case("sc://:15002", "host is missing");
        yield return Case("sc:///" + WithToken, "host is missing");
        yield return Case("sc://h:", "port after ':' is empty");
        yield return Case("sc://h:0", "port '0'");
        yield return Case("sc://h:65536/" + WithToken, "port '65536'");
        yield return Case("sc://h:abc", "port 'abc'");
        yield return Case("sc://h:15002x", "port '15002x'");
        yield return Case("sc://::1", "brackets");
        yield return Case("sc://[::1", "no closing ']'");
        yield return Case("sc://[1.2.3.4]:1", "'1.2.3.4' is not an IPv6");
        yield return Case("sc://[::1]x", "'x' after the IPv6 host");
        yield return Case("sc://ho_st", "host 'ho_st'");
        yield return Case("sc://-h", "host '-h'");
        yield return Case("sc://1.2.3", "host '1.2.3'");
        yield return Case("sc://256.1.1.1", "host '256.1.1.1'");
        yield return Case($"sc://{Secret}@h", "user information");
        yield return Case($"sc://token:{Secret}@h:443", "user information");
        yield return Case("sc://h/path", "path after the host must be empty");
        yield return Case("sc://h//;a=b", "path after the host must be empty");
        yield return Case("sc://h?x=1", "query string");
        yield return Case("sc://h/;a=b?c=d" + WithToken, "query string");
        yield return Case("sc://h/" + WithToken + "#frag", "fragment");
        yield return Case(" sc://h", "whitespace or a control character at position 0");
        yield return Case("sc://h/" + WithToken + " ", "whitespace");
        yield return Case("sc://h/;user_id=a b", "whitespace");
        yield return Case("sc://h\t", "whitespace");
        yield return Case("sc://h" + WithToken, "after '/;'");
        yield return Case("sc://h/;token", "parameter #1 has no '='");
        yield return Case("sc://h/;a=1;" + Secret, "parameter #2 has no '='");
        yield return Case("sc://h/;=v", "parameter #1 has an empty key");
        yield return Case("sc://h/;a=b;;c=d", "parameter #2 is empty");
        yield return Case("sc://h/;a=b;", "parameter #2 is empty");
        yield return Case("sc://h/;", "parameter #1 is empty");
        yield return Case("sc://h/;token=%ZZ" + Secret, "value of 'token' has a bad percent escape");
        yield return Case("sc://h/;token=" + Secret + "%4", "value of 'token' has a bad percent escape");
        yield return Case("sc://h/;user_id=%E", "value of 'user_id' has a bad percent escape");
        yield return Case("sc://h/;token=" + Secret + "%C3%28", "value of 'token' has percent escapes that are not UTF-8");
        yield return Case("sc://h/;token=" + Secret + "%0A", "'token' parameter contains characters");
        yield return Case("sc://h/;token=" + Secret + "%20x", "'token' parameter contains characters");
        yield return Case("sc://h/;token=", "'token' parameter is empty");
        yield return Case("sc://h/" + WithToken + ";use_ssl=false", "use_ssl=false");
        yield return Case("sc://h/;use_ssl=yes", "'use_ssl' must be true or false, found 'yes'");
        yield return Case("sc://h/;use_ssl=", "'use_ssl' must be true or false");
        yield return Case("sc://h/;session_id=not-a-uuid", "'session_id' must be a UUID");
        yield return Case("sc://h/;session_id=8c5d6f0e1a2b4c3d9e8f001122334455", "'session_id' must be a UUID");
        yield return Case("sc://h/;grpc_max_message_size=0", "'grpc_max_message_size' must be a positive");
        yield return Case("sc://h/;grpc_max_message_size=-5", "'grpc_max_message_size' must be a positive");
        yield return Case("sc://h/;grpc_max_message_size=99999999999", "'grpc_max_message_size' must be a positive");
        yield return Case("sc://h/;grpc_max_message_size=1k", "found '1k'");
        yield return Case("sc://h/;user_agent=" + new string('u', 2049), "'user_agent' is longer than 2048");
        yield return Case("sc://h/" + WithToken + ";token=other", "'token' is given twice");
        yield return Case("sc://h/;x-a=1;x-a=2", "'x-a' is given twice");
        yield return Case("sc://h/;Token=" + Secret, "'Token' has upper-case letters");
        yield return Case("sc://h/;X-Cluster-Id=1", "'X-Cluster-Id' has upper-case letters");
        yield return Case("sc://h/;authorization=Bearer%20" + Secret, "'authorization' is reserved");
        yield return Case("sc://h/;grpc-timeout=1S", "'grpc-timeout' is reserved");
        yield return Case("sc://h/;content-type=text", "'content-type' is reserved");
        yield return Case("sc://h/;user-agent=x", "'user-agent' is reserved");
        yield return Case("sc://h/;te=trailers", "'te' is reserved");
        yield return Case("sc://h/;host=x", "'host' is reserved");
        yield return Case("sc://h/;:authority=x", "':authority' is an HTTP/2 pseudo-header");
        yield return Case("sc://h/;x%20y=1", "'x%20y' is not a valid gRPC metadata key");
        yield return Case("sc://h/;x*y=1", "'x*y' is not a valid gRPC metadata key");
        yield return Case("sc://h/;x-data-bin=!!!!", "binary header 'x-data-bin' is not valid base64");
        yield return Case("sc://h/;x-data-bin=AAECA", "binary header 'x-data-bin' is not valid base64");
        yield return Case("sc://h/;x-name=caf%C3%A9", "header 'x-name' has characters gRPC cannot send");
    }

    [TestCaseSource(nameof(Malformed))]
    public void Malformed_string_is_rejected_with_a_message_naming_the_part(string input, string mentions)
    {
        var error = Assert.Throws<FormatException>(() => SparkConnectionString.Parse(input))!;

        Assert.That(error.Message, Does.Contain(mentions));
        Assert.That(error.Message, Does.Not.Contain(Secret), "the token must never appear in an error");
        Assert.That(SparkConnectionString.TryParse(input, out var result), Is.False);
        Assert.That(result, Is.Null);
    }

    [Test]
    public void A_quoted_fragment_that_contains_the_token_is_redacted()
    {
        // The port text here is the token itself (mistyped ':' for '/;'); it must not be echoed.
        var error = Assert.Throws<FormatException>(() => SparkConnectionString.Parse($"sc://h:{Secret}/;token={Secret}"))!;

        Assert.That(error.Message, Does.Contain("port (redacted)"));
        Assert.That(error.Message, Does.Not.Contain(Secret));
    }
}
