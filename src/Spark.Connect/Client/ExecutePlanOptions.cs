namespace Spark.Connect;

/// <summary>Settings of one <see cref="SparkConnectClient.ExecutePlanAsync"/> call.</summary>
public sealed record ExecutePlanOptions
{
    /// <summary>The operation id (a UUID string). Null: the client picks a fresh one, so it can reattach even before the first response.</summary>
    public string? OperationId { get; init; }

    /// <summary>Tags for <see cref="SparkConnectClient.InterruptTagAsync"/>. Tags may not be empty or contain commas.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Overrides <see cref="SparkConnectClientOptions.ReattachableExecution"/> for this call.</summary>
    public bool? Reattachable { get; init; }
}
