using NUnit.Framework;

namespace Spark.Connect.Tests.Client;

[TestFixture]
public class SparkConnectionStringTests
{
    private const string Secret = "Zq9SuperSecretTokenValue";

    [Test]
    public void Host_alone_gets_the_default_port_and_plain_text()
    {
        var cs = SparkConnectionString.Parse("sc://localhost");

        Assert.That(cs.Host, Is.EqualTo("localhost"));
        Assert.That(cs.Port, Is.EqualTo(15002));
        Assert.That(cs.UseSsl, Is.False);
        Assert.That(cs.Token, Is.Null);
        Assert.That(cs.UserId, Is.Null);
        Assert.That(cs.UserAgent, Is.Null);
        Assert.That(cs.SessionId, Is.Null);
        Assert.That(cs.GrpcMaxMessageSize, Is.Null);
        Assert.That(cs.Headers, Is.Empty);
        Assert.That(cs.Endpoint, Is.EqualTo(new Uri("http://localhost:15002")));
    }

    [TestCase("sc://h", "h", 15002)]
    [TestCase("sc://h/", "h", 15002)]
    [TestCase("sc://h:1/;a=b", "h", 1)]
    [TestCase("sc://spark.example.com:443", "spark.example.com", 443)]
    [TestCase("sc://10.0.0.7:65535/", "10.0.0.7", 65535)]
    [TestCase("sc://[::1]", "::1", 15002)]
    [TestCase("sc://[::1]:15003", "::1", 15003)]
    [TestCase("sc://[2001:db8::7]:8080/;a=b", "2001:db8::7", 8080)]
    public void Host_and_port_forms(string text, string host, int port)
    {
        var cs = SparkConnectionString.Parse(text);

        Assert.That(cs.Host, Is.EqualTo(host));
        Assert.That(cs.Port, Is.EqualTo(port));
    }

    [Test]
    public void IPv6_endpoint_is_bracketed()
    {
        Assert.That(SparkConnectionString.Parse("sc://[::1]:15003").Endpoint.ToString(), Is.EqualTo("http://[::1]:15003/"));
        Assert.That(SparkConnectionString.Parse("sc://[2001:db8::7]/;token=t").Endpoint.ToString(), Is.EqualTo("https://[2001:db8::7]:15002/"));
    }

    [Test]
    public void Token_turns_tls_on()
    {
        var cs = SparkConnectionString.Parse($"sc://h:443/;token={Secret}");

        Assert.That(cs.Token, Is.EqualTo(Secret));
        Assert.That(cs.UseSsl, Is.True);
        Assert.That(cs.Endpoint, Is.EqualTo(new Uri("https://h:443")));
    }

    [TestCase("true", true)]
    [TestCase("TRUE", true)]
    [TestCase("True", true)]
    [TestCase("false", false)]
    [TestCase("FaLsE", false)]
    public void Use_ssl_is_case_insensitive(string value, bool expected) =>
        Assert.That(SparkConnectionString.Parse($"sc://h/;use_ssl={value}").UseSsl, Is.EqualTo(expected));

    [Test]
    public void Token_with_use_ssl_false_needs_an_explicit_opt_in()
    {
        var text = $"sc://localhost/;token={Secret};use_ssl=false";

        var error = Assert.Throws<FormatException>(() => SparkConnectionString.Parse(text))!;
        Assert.That(error.Message, Does.Contain("use_ssl=false").And.Contain("allowTokenWithoutTls"));
        Assert.That(error.Message, Does.Not.Contain(Secret));
        Assert.That(SparkConnectionString.TryParse(text, out _), Is.False);

        var allowed = SparkConnectionString.Parse(text, allowTokenWithoutTls: true);
        Assert.That(allowed.UseSsl, Is.False);
        Assert.That(allowed.Token, Is.EqualTo(Secret));
        Assert.That(allowed.Endpoint.Scheme, Is.EqualTo("http"));
        Assert.That(SparkConnectionString.TryParse(text, allowTokenWithoutTls: true, out var tried), Is.True);
        Assert.That(tried!.Token, Is.EqualTo(Secret));
    }

    [Test]
    public void Values_are_percent_decoded_and_may_contain_equals_signs()
    {
        var cs = SparkConnectionString.Parse("sc://h/;user_id=J%C3%B6rg%20M;user_agent=my%2Fapp+1;token=abc%3Bdef==");

        Assert.That(cs.UserId, Is.EqualTo("Jörg M"));
        Assert.That(cs.UserAgent, Is.EqualTo("my/app+1"), "'+' is not form-decoded into a space");
        Assert.That(cs.Token, Is.EqualTo("abc;def=="));
    }

    [Test]
    public void Raw_non_ascii_text_next_to_escapes_is_kept_intact()
    {
        Assert.That(SparkConnectionString.Parse("sc://h/;user_id=🙂%20é%C3%A9").UserId, Is.EqualTo("🙂 éé"));
    }

    [Test]
    public void Session_id_and_max_message_size()
    {
        var cs = SparkConnectionString.Parse("sc://h/;session_id=8C5D6F0E-1A2B-4C3D-9E8F-001122334455;grpc_max_message_size=134217728");

        Assert.That(cs.SessionId, Is.EqualTo(Guid.Parse("8c5d6f0e-1a2b-4c3d-9e8f-001122334455")));
        Assert.That(cs.GrpcMaxMessageSize, Is.EqualTo(134217728));
    }

    [Test]
    public void User_agent_limit_counts_url_escaped_characters()
    {
        Assert.That(SparkConnectionString.Parse("sc://h/;user_agent=" + new string('a', 2048)).UserAgent, Has.Length.EqualTo(2048));
        // 683 decoded spaces escape to 2049 characters: too long even though the raw value is shorter.
        var spaces = string.Concat(Enumerable.Repeat("%20", 683));
        var error = Assert.Throws<FormatException>(() => SparkConnectionString.Parse("sc://h/;user_agent=" + spaces))!;
        Assert.That(error.Message, Does.Contain("user_agent"));
    }

    [Test]
    public void Unknown_keys_become_headers_in_order()
    {
        var cs = SparkConnectionString.Parse(
            "sc://dbc.example.com:443/;token=t;x-databricks-cluster-id=0123-456789-abc;x-trace-bin=AAEC;x.custom_key=a%20b");

        Assert.That(cs.Headers, Is.EqualTo(new[]
        {
            new KeyValuePair<string, string>("x-databricks-cluster-id", "0123-456789-abc"),
            new KeyValuePair<string, string>("x-trace-bin", "AAEC"),
            new KeyValuePair<string, string>("x.custom_key", "a b"),
        }));
    }

    [Test]
    public void Binary_headers_accept_unpadded_base64_and_text_headers_may_be_empty()
    {
        var cs = SparkConnectionString.Parse("sc://h/;x-id-bin=AAE;x-empty=;x-padded-bin=AAE%3D");

        Assert.That(cs.Headers.Select(h => h.Key), Is.EqualTo(new[] { "x-id-bin", "x-empty", "x-padded-bin" }));
        Assert.That(cs.Headers[1].Value, Is.Empty);
        Assert.That(cs.Headers[2].Value, Is.EqualTo("AAE="));
    }

    [Test]
    public void Mistyped_known_key_is_not_sent_as_a_header()
    {
        // "Token" is not "token": rejected rather than forwarded to the server as metadata.
        Assert.That(SparkConnectionString.TryParse("sc://h/;Token=abc", out _), Is.False);
        Assert.That(SparkConnectionString.TryParse("sc://h/;USE_SSL=true", out _), Is.False);
    }

    [Test]
    public void To_string_keeps_the_harmless_parameters_and_round_trips_them()
    {
        var cs = SparkConnectionString.Parse(
            $"sc://[::1]:443/;token={Secret};user_id=J%C3%B6rg;user_agent=app%2F1;session_id=8c5d6f0e-1a2b-4c3d-9e8f-001122334455;" +
            "grpc_max_message_size=1024;use_ssl=true;x-databricks-cluster-id=c%3B1");

        var text = cs.ToString();
        Assert.That(text, Does.Not.Contain(Secret));
        Assert.That(text, Does.Contain("token=***"));

        var again = SparkConnectionString.Parse(text);
        Assert.That(again.Host, Is.EqualTo("::1"));
        Assert.That(again.Port, Is.EqualTo(443));
        Assert.That(again.UseSsl, Is.True);
        Assert.That(again.UserAgent, Is.EqualTo("app/1"));
        Assert.That(again.SessionId, Is.EqualTo(cs.SessionId));
        Assert.That(again.GrpcMaxMessageSize, Is.EqualTo(1024));
        Assert.That(again.Headers.Select(h => h.Key), Is.EqualTo(cs.Headers.Select(h => h.Key)));
    }

    [TestCase("tokn=dapi-typo-secret-1", "tokn")]
    [TestCase("x-api-key=key-secret-2", "x-api-key")]
    [TestCase("x-databricks-cluster-id=cluster-secret-3", "x-databricks-cluster-id")]
    [TestCase("user_id=person%40example.com", "user_id")]
    public void To_string_redacts_every_other_parameter_value_but_names_its_key(string parameter, string key)
    {
        var value = Uri.UnescapeDataString(parameter[(parameter.IndexOf('=') + 1)..]);
        var cs = SparkConnectionString.Parse($"sc://h/;use_ssl=true;{parameter}");

        var text = cs.ToString();

        Assert.That(text, Does.Not.Contain(value).And.Not.Contain(Uri.EscapeDataString(value)));
        Assert.That(text, Does.Contain($";{key}=***"));
        Assert.That(text, Does.StartWith("sc://h:15002/;use_ssl=true"));
    }

    [Test]
    public void To_string_of_a_plain_string_has_no_token_or_ssl_parameters()
    {
        Assert.That(SparkConnectionString.Parse("sc://h").ToString(), Is.EqualTo("sc://h:15002/"));
    }

    [Test]
    public void TryParse_reports_failure_without_throwing()
    {
        Assert.That(SparkConnectionString.TryParse(null, out var none), Is.False);
        Assert.That(none, Is.Null);
        Assert.That(SparkConnectionString.TryParse("sc://h:0", out var bad), Is.False);
        Assert.That(bad, Is.Null);
        Assert.That(SparkConnectionString.TryParse("sc://h:1", out var good), Is.True);
        Assert.That(good!.Port, Is.EqualTo(1));
    }

    [Test]
    public void Parse_rejects_null_with_argument_null() =>
        Assert.Throws<ArgumentNullException>(() => SparkConnectionString.Parse(null!));

    [Test]
    public void Environment_variable_is_optional()
    {
        Assert.That(SparkConnectionString.FromEnvironment(_ => null), Is.Null);
        Assert.That(SparkConnectionString.FromEnvironment(_ => ""), Is.Null);

        string? asked = null;
        var cs = SparkConnectionString.FromEnvironment(name => { asked = name; return "sc://spark:1234"; });
        Assert.That(asked, Is.EqualTo("SPARK_REMOTE"));
        Assert.That(cs!.Port, Is.EqualTo(1234));
    }

    [Test]
    public void Malformed_environment_variable_names_the_variable_and_hides_the_token()
    {
        var error = Assert.Throws<FormatException>(() => SparkConnectionString.FromEnvironment(_ => $"sc://h/;token=%ZZ{Secret}"))!;

        Assert.That(error.Message, Does.Contain("SPARK_REMOTE").And.Contain("percent"));
        Assert.That(error.Message, Does.Not.Contain(Secret));
    }
}
