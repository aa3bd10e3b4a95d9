namespace Spark.Connect.Transport;

/// <summary>The standard gRPC status codes, as carried in the <c>grpc-status</c> trailer.</summary>
public enum GrpcStatusCode
{
    /// <summary>The call succeeded.</summary>
    OK = 0,
    /// <summary>The call was cancelled, usually by the caller.</summary>
    Cancelled = 1,
    /// <summary>An error with no better code.</summary>
    Unknown = 2,
    /// <summary>The request was malformed.</summary>
    InvalidArgument = 3,
    /// <summary>The deadline passed before the call finished.</summary>
    DeadlineExceeded = 4,
    /// <summary>A requested entity was not found.</summary>
    NotFound = 5,
    /// <summary>The entity the call tried to create exists already.</summary>
    AlreadyExists = 6,
    /// <summary>The caller may not do this.</summary>
    PermissionDenied = 7,
    /// <summary>A limit was reached (for example the maximum message size).</summary>
    ResourceExhausted = 8,
    /// <summary>The system is not in a state that allows the call.</summary>
    FailedPrecondition = 9,
    /// <summary>The call was aborted, typically by a concurrency conflict.</summary>
    Aborted = 10,
    /// <summary>A value was outside its valid range.</summary>
    OutOfRange = 11,
    /// <summary>The server does not implement the method.</summary>
    Unimplemented = 12,
    /// <summary>An internal error; Spark reports query failures with this code.</summary>
    Internal = 13,
    /// <summary>The server cannot be reached right now; retrying may help.</summary>
    Unavailable = 14,
    /// <summary>Unrecoverable data loss or corruption.</summary>
    DataLoss = 15,
    /// <summary>The call carried no valid credentials.</summary>
    Unauthenticated = 16,
}
