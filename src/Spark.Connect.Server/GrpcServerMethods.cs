using System.Runtime.CompilerServices;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spark.Connect.Transport;

namespace Spark.Connect.Server;

/// <summary>The request flows of the three call shapes, with one place that turns failures into statuses.</summary>
internal sealed class GrpcServerMethods(SparkConnectServerOptions options)
{
    public Task UnaryAsync<TRequest, TResponse>(HttpContext http, string method, MessageParser<TRequest> parser,
        Func<TRequest, SparkConnectCallContext, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        RunAsync(http, method, async call =>
        {
            TRequest request = await call.ReadSingleRequestAsync(parser).ConfigureAwait(false);
            TResponse response = await handler(request, call.Context).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The {method} handler returned null.");
            await call.WriteMessageAsync(response).ConfigureAwait(false);
        });

    public Task ServerStreamingAsync<TRequest, TResponse>(HttpContext http, string method, MessageParser<TRequest> parser,
        Func<TRequest, SparkConnectCallContext, IAsyncEnumerable<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        RunAsync(http, method, async call =>
        {
            TRequest request = await call.ReadSingleRequestAsync(parser).ConfigureAwait(false);
            await foreach (TResponse response in handler(request, call.Context).WithCancellation(call.Context.CancellationToken).ConfigureAwait(false))
            {
                await call.WriteMessageAsync(response).ConfigureAwait(false);
            }
        });

    public Task ClientStreamingAsync<TRequest, TResponse>(HttpContext http, string method, MessageParser<TRequest> parser,
        Func<IAsyncEnumerable<TRequest>, SparkConnectCallContext, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        RunAsync(http, method, async call =>
        {
            TResponse response = await handler(ReadAll(call, parser), call.Context).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The {method} handler returned null.");
            await call.WriteMessageAsync(response).ConfigureAwait(false);
        });

    public Task UnknownMethodAsync(HttpContext http, string method) =>
        RunAsync(http, method, _ => throw new GrpcException(GrpcStatusCode.Unimplemented,
            $"{SparkConnectMethods.ServiceName} has no method '{method}'."));

    private static async IAsyncEnumerable<TRequest> ReadAll<TRequest>(GrpcServerCall call, MessageParser<TRequest> parser,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>
    {
        while (await call.ReadRequestAsync(parser).ConfigureAwait(false) is { } request)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return request;
        }
    }

    private async Task RunAsync(HttpContext http, string method, Func<GrpcServerCall, Task> body)
    {
        using var call = await GrpcServerCall.TryStartAsync(http, method, options.MaxReceiveMessageSize).ConfigureAwait(false);
        if (call is null)
        {
            return;
        }

        ILogger logger = http.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger<GrpcServerMethods>()
            ?? NullLogger<GrpcServerMethods>.Instance;
        GrpcStatusCode status;
        string? message = null;
        Google.Rpc.Status? details = null;
        IReadOnlyList<KeyValuePair<string, string>> trailers = [];
        try
        {
            await body(call).ConfigureAwait(false);
            status = GrpcStatusCode.OK;
        }
        catch (Exception) when (call.ClientGone)
        {
            // Nobody is listening any more (client cancel, stream reset, dropped connection).
            logger.LogDebug("Spark Connect {Method}: the client went away before the call completed.", method);
            return;
        }
        catch (OperationCanceledException) when (call.DeadlinePassed)
        {
            status = GrpcStatusCode.DeadlineExceeded;
            message = "The deadline passed before the server finished the call.";
        }
        catch (GrpcException ex)
        {
            status = ex.StatusCode;
            message = ex.Detail;
            details = ex.RichStatus;
            trailers = ex.Trailers;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Spark Connect {Method} handler failed.", method);
            status = GrpcStatusCode.Unknown;
            message = options.IncludeExceptionDetails
                ? $"Exception was thrown by the handler: {ex.GetType().Name}: {ex.Message}"
                : "Exception was thrown by the handler.";
        }

        if (call.ClientGone)
        {
            return;
        }

        await call.CompleteAsync(status, message, details, trailers).ConfigureAwait(false);
    }
}
