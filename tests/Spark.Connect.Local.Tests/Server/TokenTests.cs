using Spark.Connect.Transport;

namespace Spark.Connect.Local.Tests.Server;

public sealed class TokenTests : LocalServerTestBase
{
    private const string Token = "s3cret-T0ken_value";

    protected override LocalSparkServerOptions CreateOptions() => new() { Token = Token };

    [Test]
    public async Task The_right_token_works()
    {
        Assert.That(Server.ConnectionString, Does.EndWith("/;use_ssl=false;token=" + Token));
        var client = NewClient();
        Assert.That(await RowsAsync(client, Sql("SELECT 1 AS one")), Has.Count.EqualTo(1));
    }

    [TestCase(null)]
    [TestCase("wrong-token")]
    [TestCase(Token + "x")]
    public async Task A_missing_or_wrong_token_is_unauthenticated_and_never_echoed(string? token)
    {
        var connection = $"sc://127.0.0.1:{Server.Port}" + (token is null ? "" : "/;use_ssl=false;token=" + token);
        var client = NewClient(o => o.ConnectionString = connection);

        var error = await Assert.ThrowsAsync<GrpcException>(() => client.GetAllConfigAsync());

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unauthenticated));
        Assert.That(error.ToString(), Does.Not.Contain(Token));
        if (token is not null)
            Assert.That(error.ToString(), Does.Not.Contain(token));
    }

    [Test]
    public void The_token_is_not_in_to_string()
    {
        Assert.That(new LocalSparkServerOptions { Token = Token }.ToString(), Does.Not.Contain(Token));
        Assert.That(Server.ToString(), Does.Not.Contain(Token));
    }
}
