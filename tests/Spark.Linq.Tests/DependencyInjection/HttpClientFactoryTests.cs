using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Connect.TestServer;

namespace Spark.Linq.Tests.DependencyInjection;

/// <summary>AddSparkLinq's gRPC channel takes its HTTP pipeline from IHttpClientFactory, against a loopback scripted server.</summary>
public class HttpClientFactoryTests
{
    /// <summary>Records the path and User-Agent of every request passing through it.</summary>
    public sealed class RecordingHandler : DelegatingHandler
    {
        public ConcurrentQueue<(string Path, string UserAgent)> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Enqueue((request.RequestUri!.AbsolutePath, request.Headers.UserAgent.ToString()));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private ScriptedSparkConnectServer _server = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = await ScriptedSparkConnectServer.StartAsync();
        _server.Config.Always((request, _) => new ConfigResponse { SessionId = request.SessionId, ServerSideSessionId = "server-1" });
        _server.ExecutePlan.Always((request, _) => [new ExecutePlanResponse { OperationId = request.OperationId, ResponseId = "end", ResultComplete = new() }]);
    }

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private static async Task RunCallsAsync(SparkSession session)
    {
        await session.Client.ConfigAsync(new ConfigRequest.Types.Operation { GetAll = new() });
        var plan = new Plan { Root = new Relation { Sql = new SQL { Query = "SELECT 1" } } };
        await foreach (var _ in session.Client.ExecutePlanAsync(plan, new ExecutePlanOptions { Reattachable = false }))
        {
        }
    }

    [Test]
    public async Task A_DelegatingHandler_added_by_the_application_sees_every_Spark_Connect_call()
    {
        var handler = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddSparkLinq(o => o.ConnectionString = _server.ConnectionString).HttpClient.AddHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await RunCallsAsync(provider.GetRequiredService<SparkSession>());

        Assert.That(handler.Seen.Select(s => s.Path), Is.EqualTo(new[]
        {
            "/spark.connect.SparkConnectService/Config", "/spark.connect.SparkConnectService/ExecutePlan",
        }));
        Assert.That(handler.Seen.Select(s => s.UserAgent), Has.All.StartWith("spark-connect-dotnet/"), "our User-Agent handler runs outside the application's");
        Assert.That(_server.Calls.Select(c => c.Rpc), Is.EqualTo(new[] { "Config", "ExecutePlan" }));
    }

    [Test]
    public async Task Bound_options_still_apply_and_a_handler_can_come_from_the_container()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Spark:ConnectionString"] = _server.ConnectionString + "/;user_id=alice",
            ["Spark:NamingPolicy"] = "SnakeCase",
            ["Spark:Client:UnaryCallTimeout"] = "00:00:42",
            ["Spark:Client:RetryPolicy:MaxRetries"] = "2",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<RecordingHandler>();
        services.AddSparkLinq(configuration.GetSection("Spark")).HttpClient
            .AddHttpMessageHandler<RecordingHandler>()
            .SetHandlerLifetime(TimeSpan.FromMinutes(10));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        var session = provider.GetRequiredService<SparkSession>();
        await RunCallsAsync(session);

        var options = provider.GetRequiredService<IOptions<SparkSessionOptions>>().Value;
        Assert.That(options.Client.UnaryCallTimeout, Is.EqualTo(TimeSpan.FromSeconds(42)));
        Assert.That(options.Client.RetryPolicy.MaxRetries, Is.EqualTo(2));
        Assert.That(options.Client.TransportFactory, Is.Null, "the channel is wired in a copy of the options, not in the application's");
        Assert.That(session.QueryOptions.NamingPolicy, Is.SameAs(ColumnNamingPolicy.SnakeCase));
        Assert.That(provider.GetRequiredService<RecordingHandler>().Seen, Has.Count.EqualTo(2));
        var config = _server.RequestsOf<ConfigRequest>().Single();
        Assert.That(config.UserContext.UserId, Is.EqualTo("alice"));
        Assert.That(_server.Calls[0].Deadline, Is.Not.Null, "the bound UnaryCallTimeout travels as the call's deadline");
    }

    [Test]
    public async Task An_application_transport_factory_bypasses_the_http_client_factory()
    {
        var handler = new RecordingHandler();
        var created = 0;
        var services = new ServiceCollection();
        services.AddSparkLinq(o =>
        {
            o.ConnectionString = _server.ConnectionString;
            o.Client.TransportFactory = connection =>
            {
                created++;
                return new Spark.Connect.Transport.GrpcNetClientTransport(new() { Address = connection.Endpoint });
            };
        }).HttpClient.AddHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await RunCallsAsync(provider.GetRequiredService<SparkSession>());

        Assert.That(created, Is.EqualTo(1));
        Assert.That(handler.Seen, Is.Empty);
        Assert.That(_server.Calls, Has.Count.EqualTo(2));
    }
}
