using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Spark.Connect.TestServer;

/// <summary>
/// Answers a call to a method or service this server does not have with a trailers-only Unimplemented that names
/// it (Grpc.AspNetCore's own answer says only "Method is unimplemented."). Routing prefers the literal paths of
/// the served methods, so only unknown ones arrive here.
/// </summary>
internal static class UnknownMethodEndpoint
{
    private const int Unimplemented = 12;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/{service}/{method}", (HttpContext http, string service, string method) =>
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/grpc";
            http.Response.Headers["grpc-status"] = Unimplemented.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // grpc-message is percent-encoded; escaping more than the minimum is still valid.
            http.Response.Headers["grpc-message"] = Uri.EscapeDataString($"{service} has no method '{method}'.");
            return Task.CompletedTask;
        });
}
