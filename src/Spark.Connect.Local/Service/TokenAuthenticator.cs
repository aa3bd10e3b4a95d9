using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Spark.Connect.Local.Service;

/// <summary>
/// Requires <c>authorization: Bearer &lt;token&gt;</c> on every call, compared in constant time. A call
/// without it gets a trailers-only gRPC response with status Unauthenticated; neither the expected nor
/// the presented value is ever echoed or logged.
/// </summary>
internal sealed class TokenAuthenticator(string token)
{
    private const int UnauthenticatedStatus = 16;
    private readonly byte[] _expected = Encoding.UTF8.GetBytes("Bearer " + token);

    public async Task Middleware(HttpContext context, Func<Task> next)
    {
        if (IsAuthorized(context.Request.Headers.Authorization))
        {
            await next().ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = UnauthenticatedStatus.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(
            "The local Spark server requires a token: add ;token=<token> to the sc:// connection string.");
    }

    internal bool IsAuthorized(string? header)
    {
        if (header is null)
            return false;
        var presented = Encoding.UTF8.GetBytes(header);
        // FixedTimeEquals is constant-time only for equal lengths; a length mismatch reveals nothing but the length.
        return presented.Length == _expected.Length && CryptographicOperations.FixedTimeEquals(presented, _expected);
    }
}
