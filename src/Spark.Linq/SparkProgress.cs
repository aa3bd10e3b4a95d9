using Spark.Connect;
using Spark.Connect.Protocol;

namespace Spark.Linq;

/// <summary>Progress of a running query as the server reports it: stages, tasks and bytes read.</summary>
/// <param name="Stages">The stages the server reported in this update.</param>
/// <param name="InflightTasks">Tasks running right now.</param>
public sealed record SparkProgress(IReadOnlyList<SparkStageProgress> Stages, long InflightTasks)
{
    /// <summary>Tasks finished across the reported stages.</summary>
    public long CompletedTasks => Stages.Sum(s => s.CompletedTasks);

    /// <summary>Tasks in total across the reported stages.</summary>
    public long TotalTasks => Stages.Sum(s => s.TotalTasks);

    /// <summary>Input bytes read across the reported stages.</summary>
    public long BytesRead => Stages.Sum(s => s.BytesRead);

    internal static SparkProgress From(ExecutePlanResponse.Types.ExecutionProgress progress) => new(
        progress.Stages.Select(s => new SparkStageProgress(s.StageId, s.NumTasks, s.NumCompletedTasks, s.InputBytesRead, s.Done)).ToList(),
        progress.NumInflightTasks);
}

/// <summary>One stage of a running query.</summary>
/// <param name="StageId">The stage id.</param>
/// <param name="TotalTasks">Tasks in the stage.</param>
/// <param name="CompletedTasks">Tasks finished.</param>
/// <param name="BytesRead">Input bytes read so far.</param>
/// <param name="Done">Whether the stage finished.</param>
public sealed record SparkStageProgress(long StageId, long TotalTasks, long CompletedTasks, long BytesRead, bool Done);
