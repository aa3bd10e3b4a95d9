using Spark.Connect.Transport;
using NUnit.Framework;
using static Spark.Connect.Tests.Client.ClientTestKit;

namespace Spark.Connect.Tests.Client;

public class SessionIdentityTests
{
    private const string Secret = "dapi-SECRET-0123456789";

    [Test]
    public async Task The_token_travels_as_a_bearer_header_and_nowhere_else()
    {
        var transport = new FakeTransport();
        transport.OnUnary(SparkConnectMethods.AnalyzePlan, r => new AnalyzePlanResponse { SparkVersion = new() { Version = "4.0.0" } });
        await using var client = NewClient(transport, connectionString: $"sc://spark.example:443/;token={Secret};x-databricks-cluster-id=0123-abc;user_id=ana");

        await client.SparkVersionAsync();

        var call = transport.Calls.Single();
        Assert.That(call.Options.Headers, Does.Contain(new KeyValuePair<string, string>("authorization", "Bearer " + Secret)));
        Assert.That(call.Options.Headers, Does.Contain(new KeyValuePair<string, string>("x-databricks-cluster-id", "0123-abc")));
        Assert.That(((AnalyzePlanRequest)call.Request).UserContext.UserId, Is.EqualTo("ana"));
        Assert.That(call.Request.ToString(), Does.Not.Contain(Secret), "the token is never part of a request message");
        Assert.That(client.ToString(), Does.Not.Contain(Secret));
    }

    [Test]
    public async Task The_client_prints_neither_a_mistyped_token_nor_a_custom_header_value()
    {
        const string Typo = "dapi-TYPO-9876543210";
        const string ApiKey = "api-KEY-5555";
        await using var client = NewClient(new FakeTransport(), connectionString: $"sc://spark.example:443/;tokn={Typo};x-api-key={ApiKey};user_agent=etl");

        var text = client.ToString();

        Assert.That(text, Does.Not.Contain(Typo).And.Not.Contain(ApiKey));
        Assert.That(text, Does.Contain("tokn=***").And.Contain("x-api-key=***").And.Contain("user_agent=etl").And.Contain("spark.example:443"));
        Assert.That(text, Does.Contain(client.SessionId));
    }

    [Test]
    public void A_token_without_tls_is_refused_unless_the_caller_opts_out()
    {
        var text = $"sc://localhost/;token={Secret};use_ssl=false";
        var error = Assert.Throws<FormatException>(() => SparkConnectClient.Create(new SparkConnectClientOptions { ConnectionString = text, TransportFactory = _ => new FakeTransport() }));
        Assert.That(error!.Message, Does.Not.Contain(Secret));

        var optedOut = SparkConnectClient.Create(new SparkConnectClientOptions { ConnectionString = text, AllowTokenWithoutTls = true, TransportFactory = _ => new FakeTransport() });
        Assert.That(optedOut.ToString(), Does.Not.Contain(Secret));
    }

    [Test]
    public async Task Session_id_and_user_agent_come_from_the_connection_string()
    {
        var transport = new FakeTransport();
        var sessionId = Guid.NewGuid();
        await using var client = NewClient(transport, connectionString: $"sc://localhost/;session_id={sessionId};user_agent=my-app");

        Assert.That(client.SessionId, Is.EqualTo(sessionId.ToString()));
        Assert.That(client.ClientType, Is.EqualTo("my-app"));
    }

    [Test]
    public void Creating_a_client_does_no_io()
    {
        var transport = new FakeTransport();
        _ = NewClient(transport);
        Assert.That(transport.Calls, Is.Empty);
    }
}
