using System.Collections.Concurrent;
using Google.Protobuf;

namespace Spark.Connect.Local.Service;

/// <summary>
/// <c>df.persist()</c>, <c>df.unpersist()</c> and <c>df.storageLevel</c>. One DuckDB process has nothing to
/// cache, so persisting stores nothing but the level asked for, which <c>storageLevel</c> reports back as Spark
/// would; queries keep reading the source (so they see later changes to it, where Spark's cache would not).
/// </summary>
internal sealed class PersistedPlans
{
    // Spark's Dataset.persist() default: MEMORY_AND_DISK (deserialized, one replica).
    private static readonly StorageLevel MemoryAndDisk = new() { UseDisk = true, UseMemory = true, Deserialized = true, Replication = 1 };
    private static readonly StorageLevel None = new() { Replication = 1 };
    private const int MaxPlans = 1024;
    private readonly ConcurrentDictionary<ByteString, StorageLevel> _levels = new();

    /// <summary>Answers a Persist, Unpersist or GetStorageLevel request; plans are the same DataFrame when their bytes are.</summary>
    internal static void Answer(PersistedPlans plans, AnalyzePlanRequest request, AnalyzePlanResponse response)
    {
        switch (request.AnalyzeCase)
        {
            case AnalyzePlanRequest.AnalyzeOneofCase.Persist:
                if (plans._levels.Count >= MaxPlans)
                    plans._levels.Clear();
                plans._levels[request.Persist.Relation.ToByteString()] = request.Persist.StorageLevel ?? MemoryAndDisk;
                response.Persist = new AnalyzePlanResponse.Types.Persist();
                break;
            case AnalyzePlanRequest.AnalyzeOneofCase.Unpersist:
                plans._levels.TryRemove(request.Unpersist.Relation.ToByteString(), out _);
                response.Unpersist = new AnalyzePlanResponse.Types.Unpersist();
                break;
            default:
                response.GetStorageLevel = new AnalyzePlanResponse.Types.GetStorageLevel
                {
                    StorageLevel = plans._levels.GetValueOrDefault(request.GetStorageLevel.Relation.ToByteString()) ?? None,
                };
                break;
        }
    }
}
