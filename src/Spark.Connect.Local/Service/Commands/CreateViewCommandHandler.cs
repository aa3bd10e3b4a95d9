using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Expressions;
using Spark.Connect.Local.Service.Views;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// <c>CreateDataFrameViewCommand</c> (createTempView, createOrReplaceTempView, createGlobalTempView, …): checks
/// the input plans and binds, as Spark analyzes a view's plan at creation, then stores it (views it reads
/// fixed as they are now) in the session's registry or, for a global view, the server's. No responses
/// besides <c>result_complete</c>.
/// </summary>
internal static class CreateViewCommandHandler
{
    internal static IResponseSource Run(LocalSession session, CreateDataFrameViewCommand command)
    {
        if (command.Input is null || command.Input.RelTypeCase == Relation.RelTypeOneofCase.None)
            throw new LocalEngineException("INVALID_PLAN", "XX000", "A CreateDataFrameViewCommand is missing its input relation.");
        var name = ViewName(command.Name, command.IsGlobal);
        var relation = ViewCapture.Capture(command.Input, session.FindView);
        // Planning and preparing (never running) the view's query surfaces unknown tables and columns now, as in Spark.
        using (LocalPlanner.Prepare(session.Connection, new LocalPlanner(session).Plan(relation)))
        {
        }
        (command.IsGlobal ? session.GlobalViews : session.TempViews).Create(name, relation, command.Replace);
        return new FixedResponses([]);
    }

    /// <summary>A temp view's name has one part (a global one may say <c>global_temp.name</c>).</summary>
    private static string ViewName(string text, bool global)
    {
        var parts = MultipartIdentifier.Parse(text);
        if (parts.Count == 1)
            return parts[0];
        if (global && parts.Count == 2 && string.Equals(parts[0], TempViewRegistry.GlobalDatabase, StringComparison.OrdinalIgnoreCase))
            return parts[1];
        throw new LocalEngineException("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS", "428EK",
            $"CREATE TEMPORARY VIEW or the corresponding Dataset APIs only accept single-part view names, but got: {text}.",
            new Dictionary<string, string> { ["actualName"] = text });
    }
}
