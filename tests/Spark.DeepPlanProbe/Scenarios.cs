namespace Spark.DeepPlanProbe;

/// <summary>The scenarios by name: each gets a size and reports its outcomes, one line each.</summary>
internal static class Scenarios
{
    public static IReadOnlyDictionary<string, Action<int, Action<string>>> All { get; } = new Dictionary<string, Action<int, Action<string>>>
    {
        ["linq-or-rows"] = LinqScenarios.OrRows,
        ["linq-or-plan"] = LinqScenarios.OrPlan,
        ["linq-add"] = LinqScenarios.Additions,
        ["linq-where"] = LinqScenarios.ChainedWheres,
        ["local-where"] = LocalEngineScenarios.ChainedWheres,
        ["client-send"] = ClientScenarios.SendDeepRelation,
        ["server-plan"] = ServerScenarios.PlanDeepRelations,
        ["server-limit"] = ServerScenarios.PlanAtTheLimit,
        ["server-ddl"] = ServerScenarios.ParseDeepType,
        ["plan-snapshot"] = PlanSnapshotScenario.Print,
    };

    /// <summary>Runs <paramref name="action"/> and reports its result, or the exception it ended with.</summary>
    public static void Report(Action<string> report, string what, Func<string> action)
    {
        try
        {
            report($"OK {what}: {action()}");
        }
        catch (Exception error)
        {
            var errorClass = error switch
            {
                Spark.Connect.Local.Planning.LocalEngineException engine => " " + engine.ErrorClass,
                _ => "",
            };
            report($"ERROR {what}: {error.GetType().Name}{errorClass}: {error.Message.ReplaceLineEndings(" ")}");
        }
    }
}
