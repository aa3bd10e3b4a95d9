using System.Text.Json;
using Google.Rpc;
using Microsoft.Extensions.Logging;
using Spark.Connect.Transport;

namespace Spark.Connect;

/// <summary>
/// Turns a failed call into the exception the user sees. A Spark server reports query failures as a
/// gRPC status whose details hold an <c>ErrorInfo</c> (error class, SQLSTATE, message parameters, and
/// an error id). With an error id we fetch the full, untruncated error chain; without one, or if that
/// fetch fails, we build the error from the ErrorInfo alone. Failures without an ErrorInfo are
/// transport failures and stay <see cref="GrpcException"/>.
/// </summary>
internal sealed class SparkErrorConverter(
    Func<string, CancellationToken, Task<FetchErrorDetailsResponse>> fetchErrorDetails, ILogger logger)
{
    // A cause chain deeper than this is either hostile or broken; we stop following it.
    private const int MaxCauseDepth = 64;

    public async Task<Exception> ConvertAsync(GrpcException error, CancellationToken cancellationToken)
    {
        var info = FindErrorInfo(error.RichStatus);
        if (info is null) return error;

        var errorId = info.Metadata.GetValueOrDefault("errorId");
        if (!string.IsNullOrEmpty(errorId))
        {
            try
            {
                var details = await fetchErrorDetails(errorId, cancellationToken).ConfigureAwait(false);
                if (FromDetails(details, error.StatusCode, errorId) is { } detailed) return detailed;
            }
            catch (Exception fetchFailure) when (fetchFailure is GrpcException or OperationCanceledException)
            {
                logger.LogDebug(fetchFailure, "FetchErrorDetails failed for error {ErrorId}; using the status details instead.", errorId);
            }
        }
        return FromErrorInfo(info, error, errorId);
    }

    private static ErrorInfo? FindErrorInfo(Google.Rpc.Status? status)
    {
        if (status is null) return null;
        foreach (var detail in status.Details)
            if (detail.TryUnpack<ErrorInfo>(out var info)) return info;
        return null;
    }

    private static SparkException FromErrorInfo(ErrorInfo info, GrpcException error, string? errorId) => new(
        error.Detail,
        errorClass: info.Metadata.GetValueOrDefault("errorClass"),
        sqlState: info.Metadata.GetValueOrDefault("sqlState"),
        messageParameters: ParseStringMap(info.Metadata.GetValueOrDefault("messageParameters")),
        errorTypeHierarchy: ParseStringArray(info.Metadata.GetValueOrDefault("classes")) ?? (string.IsNullOrEmpty(info.Reason) ? null : [info.Reason]),
        statusCode: error.StatusCode,
        errorId: errorId,
        innerException: error);

    /// <summary>Builds the exception chain from FetchErrorDetails, or null if the response is unusable.</summary>
    internal static SparkException? FromDetails(FetchErrorDetailsResponse details, GrpcStatusCode statusCode, string? errorId)
    {
        if (!details.HasRootErrorIdx || details.RootErrorIdx < 0 || details.RootErrorIdx >= details.Errors.Count)
            return null;

        // Walk root → cause → cause…, then build from the innermost outwards.
        var chain = new List<FetchErrorDetailsResponse.Types.Error>();
        var seen = new HashSet<int>();
        for (int? index = details.RootErrorIdx; index is { } i && chain.Count < MaxCauseDepth; )
        {
            if (i < 0 || i >= details.Errors.Count || !seen.Add(i)) break;
            var current = details.Errors[i];
            chain.Add(current);
            index = current.HasCauseIdx ? current.CauseIdx : null;
        }

        SparkException? inner = null;
        for (var k = chain.Count - 1; k >= 0; k--)
        {
            var e = chain[k];
            var throwable = e.SparkThrowable;
            inner = new SparkException(
                e.Message,
                errorClass: throwable is { HasErrorClass: true } ? throwable.ErrorClass : null,
                sqlState: throwable is { HasSqlState: true } ? throwable.SqlState : null,
                messageParameters: throwable?.MessageParameters.ToDictionary(p => p.Key, p => p.Value),
                errorTypeHierarchy: e.ErrorTypeHierarchy.ToList(),
                statusCode: statusCode,
                errorId: k == 0 ? errorId : null,
                innerException: inner);
        }
        return inner;
    }

    private static Dictionary<string, string>? ParseStringMap(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        }
        catch (JsonException)
        {
            return null; // Metadata is advisory; a malformed value must not hide the real error.
        }
    }

    private static List<string>? ParseStringArray(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return null;
            return doc.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
