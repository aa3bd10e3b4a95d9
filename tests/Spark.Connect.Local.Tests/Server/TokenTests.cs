using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
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
    public async Task A_streaming_call_without_the_token_is_unauthenticated_before_any_response()
    {
        var client = NewClient(o => o.ConnectionString = $"sc://127.0.0.1:{Server.Port}");

        var error = await Assert.ThrowsAsync<GrpcException>(() => RowsAsync(client, Sql("SELECT 1 AS one")));

        Assert.That(error!.StatusCode, Is.EqualTo(GrpcStatusCode.Unauthenticated));
        Assert.That(Server.Service.Sessions.All, Is.Empty, "the service never saw the call");
    }

    [TestCase("Bearer " + Token, "Bearer " + Token)]
    [TestCase("bearer " + Token)]
    [TestCase(Token)]
    public async Task Anything_but_exactly_one_right_header_is_a_trailers_only_Unauthenticated(params string[] headers)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{Server.Port}/spark.connect.SparkConnectService/Config")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        foreach (var header in headers)
            request.Headers.TryAddWithoutValidation("authorization", header);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.Headers.GetValues("grpc-status").Single(), Is.EqualTo(((int)GrpcStatusCode.Unauthenticated).ToString()));
        Assert.That(body, Is.Empty);
        Assert.That(Uri.UnescapeDataString(response.Headers.GetValues("grpc-message").Single()), Does.Contain(";token=").And.Not.Contain(Token));
    }

    [Test]
    public void The_token_is_not_in_to_string()
    {
        Assert.That(new LocalSparkServerOptions { Token = Token }.ToString(), Does.Not.Contain(Token));
        Assert.That(Server.ToString(), Does.Not.Contain(Token));
    }
}
