using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Spark.Connect.Transport;

// ASP0016 misreads the handler lambdas nested inside the RequestDelegates below (they return
// Task<TResponse> to our pipeline, not to ASP.NET Core); the RequestDelegates themselves return Task.
#pragma warning disable ASP0016

namespace Spark.Connect.Server;

/// <summary>Maps <c>spark.connect.SparkConnectService</c> onto ASP.NET Core endpoints (HTTP/2 required).</summary>
public static class SparkConnectEndpointRouteBuilderExtensions
{
    /// <summary>Serves every RPC with <paramref name="service"/>; unknown methods of the service answer Unimplemented.</summary>
    public static IEndpointConventionBuilder MapSparkConnect(this IEndpointRouteBuilder endpoints,
        SparkConnectServiceBase service, Action<SparkConnectServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Map(endpoints, _ => service, configure);
    }

    /// <summary>Serves every RPC with a <typeparamref name="TService"/> resolved from the request's services.</summary>
    public static IEndpointConventionBuilder MapSparkConnect<TService>(this IEndpointRouteBuilder endpoints,
        Action<SparkConnectServerOptions>? configure = null)
        where TService : SparkConnectServiceBase =>
        Map(endpoints, http => http.RequestServices.GetRequiredService<TService>(), configure);

    private static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, Func<HttpContext, SparkConnectServiceBase> resolve,
        Action<SparkConnectServerOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = new SparkConnectServerOptions();
        configure?.Invoke(options);
        if (options.MaxReceiveMessageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(configure),
                $"SparkConnectServerOptions.MaxReceiveMessageSize must be positive, got {options.MaxReceiveMessageSize}.");
        }

        var group = endpoints.MapGroup("/" + SparkConnectMethods.ServiceName);
        var server = new GrpcServerMethods(options);

        group.MapPost("/ExecutePlan", http => server.ServerStreamingAsync(http, "ExecutePlan", ExecutePlanRequest.Parser,
            (request, context) => resolve(http).ExecutePlanAsync(request, context)));
        group.MapPost("/ReattachExecute", http => server.ServerStreamingAsync(http, "ReattachExecute", ReattachExecuteRequest.Parser,
            (request, context) => resolve(http).ReattachExecuteAsync(request, context)));
        group.MapPost("/AddArtifacts", http => server.ClientStreamingAsync(http, "AddArtifacts", AddArtifactsRequest.Parser,
            (requests, context) => resolve(http).AddArtifactsAsync(requests, context)));

        MapUnary(group, server, "AnalyzePlan", AnalyzePlanRequest.Parser, (s, r, c) => s.AnalyzePlanAsync(r, c), resolve);
        MapUnary(group, server, "Config", ConfigRequest.Parser, (s, r, c) => s.ConfigAsync(r, c), resolve);
        MapUnary(group, server, "ArtifactStatus", ArtifactStatusesRequest.Parser, (s, r, c) => s.ArtifactStatusAsync(r, c), resolve);
        MapUnary(group, server, "Interrupt", InterruptRequest.Parser, (s, r, c) => s.InterruptAsync(r, c), resolve);
        MapUnary(group, server, "ReleaseExecute", ReleaseExecuteRequest.Parser, (s, r, c) => s.ReleaseExecuteAsync(r, c), resolve);
        MapUnary(group, server, "ReleaseSession", ReleaseSessionRequest.Parser, (s, r, c) => s.ReleaseSessionAsync(r, c), resolve);
        MapUnary(group, server, "FetchErrorDetails", FetchErrorDetailsRequest.Parser, (s, r, c) => s.FetchErrorDetailsAsync(r, c), resolve);
        MapUnary(group, server, "CloneSession", CloneSessionRequest.Parser, (s, r, c) => s.CloneSessionAsync(r, c), resolve);
        MapUnary(group, server, "GetStatus", GetStatusRequest.Parser, (s, r, c) => s.GetStatusAsync(r, c), resolve);

        group.MapPost("/{method}", http => server.UnknownMethodAsync(http, http.Request.RouteValues["method"] as string ?? "?"));
        return group;
    }

    private static void MapUnary<TRequest, TResponse>(RouteGroupBuilder group, GrpcServerMethods server, string method,
        Google.Protobuf.MessageParser<TRequest> parser,
        Func<SparkConnectServiceBase, TRequest, SparkConnectCallContext, Task<TResponse>> invoke,
        Func<HttpContext, SparkConnectServiceBase> resolve)
        where TRequest : Google.Protobuf.IMessage<TRequest>
        where TResponse : Google.Protobuf.IMessage<TResponse>
    {
        group.MapPost("/" + method, http => server.UnaryAsync(http, method, parser,
            (request, context) => invoke(resolve(http), request, context)));
    }
}
