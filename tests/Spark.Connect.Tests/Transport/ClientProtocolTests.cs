using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using Spark.Connect.Transport;

namespace Spark.Connect.Tests.Transport;

/// <summary>Our client facing responses a well-behaved gRPC server would not send.</summary>
public class ClientProtocolTests
{
    private async Task<GrpcException> CallExpectingFailureAsync(RequestDelegate handler)
    {
        await using var server = await RawHttp2Server.StartAsync(handler);
        await using var transport = new GrpcNetClientTransport(new GrpcTransportOptions { Address = server.Address });
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return (await Assert.ThrowsAsync<GrpcException>(() =>
            transport.UnaryCallAsync(SparkConnectMethods.Config, new ConfigRequest(), GrpcCallOptions.Default, guard.Token)))!;
    }

    [TestCase(503, GrpcStatusCode.Unavailable)]
    [TestCase(401, GrpcStatusCode.Unauthenticated)]
    [TestCase(404, GrpcStatusCode.Unimplemented)]
    public async Task A_non_200_status_without_grpc_status_is_mapped(int http, GrpcStatusCode expected)
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            context.Response.StatusCode = http;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("proxy says no");
        });

        Assert.That(error.StatusCode, Is.EqualTo(expected));
        Assert.That(error.Detail, Does.Contain(http.ToString()));
    }

    [Test]
    public async Task A_200_response_that_is_not_grpc_is_Internal()
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html/>");
        });

        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(error.Detail, Does.Contain("text/html"));
    }

    [Test]
    public async Task A_response_without_any_grpc_status_is_Internal()
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(RawGrpcFrame.Of(new ConfigResponse { SessionId = "x" }));
        });

        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(error.Detail, Does.Contain("grpc-status"));
    }

    [Test]
    public async Task Status_OK_without_a_message_is_Internal_for_a_unary_call()
    {
        var error = await CallExpectingFailureAsync(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "0";
            return Task.CompletedTask;
        });

        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
    }

    [Test]
    public async Task Two_messages_for_a_unary_call_are_Internal()
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            byte[] frame = RawGrpcFrame.Of(new ConfigResponse());
            await context.Response.Body.WriteAsync(frame);
            await context.Response.Body.WriteAsync(frame);
            context.Response.AppendTrailer("grpc-status", "0");
        });

        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
    }

    [Test]
    public async Task Undecodable_status_details_fail_the_call_as_Internal()
    {
        var error = await CallExpectingFailureAsync(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "9";
            context.Response.Headers["grpc-message"] = "precondition";
            context.Response.Headers["grpc-status-details-bin"] = "%%%not-base64";
            return Task.CompletedTask;
        });

        // Grpc.Net.Client fails the whole call on a binary trailer that is not base64, so the server's status is lost.
        Assert.That(error.RichStatus, Is.Null);
        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
    }

    [Test]
    public async Task An_unreadable_grpc_status_is_Internal_and_an_unknown_one_Unknown()
    {
        var garbled = await CallExpectingFailureAsync(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "thirteen";
            return Task.CompletedTask;
        });
        var outOfRange = await CallExpectingFailureAsync(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "99";
            return Task.CompletedTask;
        });

        Assert.That(garbled.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(outOfRange.StatusCode, Is.EqualTo(GrpcStatusCode.Unknown));
    }

    [Test]
    public async Task A_garbage_frame_from_the_server_is_Internal_naming_the_message_type()
    {
        var error = await CallExpectingFailureAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF });
            context.Response.AppendTrailer("grpc-status", "0");
        });

        Assert.That(error.StatusCode, Is.EqualTo(GrpcStatusCode.Internal));
        Assert.That(error.Detail, Does.Contain("ConfigResponse"));
    }
}

/// <summary>A response message as one uncompressed gRPC frame, for the misbehaving servers above to write by hand.</summary>
internal static class RawGrpcFrame
{
    public static byte[] Of(IMessage message)
    {
        var frame = new byte[5 + message.CalculateSize()];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)(frame.Length - 5));
        message.WriteTo(frame.AsSpan(5));
        return frame;
    }
}
