using Grpc.Core;
using Grpc.Core.Interceptors;
using NUnit.Framework;
using Spark.Connect.TestServer;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>What only the official client's transport offers: interceptors and the channel options hook.</summary>
public sealed class GrpcNetClientTransportTests
{
    /// <summary>Records the order interceptors see a call in, and adds a header the server can see.</summary>
    private sealed class Recording(string name, List<string> seen) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
            AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            seen.Add($"{name}:{context.Method.FullName}");
            var headers = context.Options.Headers ?? new Metadata();
            headers.Add("x-seen-by-" + name, "yes");
            return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
        }
    }

    [Test]
    public async Task Interceptors_see_every_call_outermost_first_and_channel_options_apply()
    {
        await using var server = await ScriptedSparkConnectServer.StartAsync();
        server.Config.Always((request, _) => new ConfigResponse { SessionId = request.SessionId });
        var seen = new List<string>();
        var configured = false;
        await using var transport = new GrpcNetClientTransport(server.CreateTransportOptions() with
        {
            Interceptors = [new Recording("outer", seen), new Recording("inner", seen)],
            ConfigureChannel = options => configured = options.MaxReceiveMessageSize == GrpcTransportOptions.DefaultMaxReceiveMessageSize,
        });

        await transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest { SessionId = "s" }, GrpcCallOptions.Default, CancellationToken.None);

        Assert.That(seen, Is.EqualTo(new[] { "outer:/spark.connect.SparkConnectService/Config", "inner:/spark.connect.SparkConnectService/Config" }));
        var call = server.Calls.Single();
        Assert.That((call.GetHeader("x-seen-by-outer"), call.GetHeader("x-seen-by-inner")), Is.EqualTo(("yes", "yes")));
        Assert.That(configured, Is.True, "ConfigureChannel runs after the transport's own settings");
    }
}
