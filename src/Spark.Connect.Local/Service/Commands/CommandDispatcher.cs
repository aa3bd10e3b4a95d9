using Spark.Connect.Local.Results;

namespace Spark.Connect.Local.Service.Commands;

/// <summary>
/// Runs a plan's <c>command</c> on the session's connection (held by the caller) and returns the responses
/// Spark sends for it; the operation then adds <c>result_complete</c>. One class per command kind.
/// </summary>
internal static class CommandDispatcher
{
    internal static IResponseSource Run(LocalSession session, Command command, DuckDbArrowConverter converter) => command.CommandTypeCase switch
    {
        Command.CommandTypeOneofCase.SqlCommand => SqlCommandHandler.Run(session, command.SqlCommand, converter),
        Command.CommandTypeOneofCase.CreateDataframeView => CreateViewCommandHandler.Run(session, command.CreateDataframeView),
        Command.CommandTypeOneofCase.WriteOperation or Command.CommandTypeOneofCase.WriteOperationV2 => WriteCommands.Run(session, command),
        _ => throw SparkErrors.Unsupported($"the command '{command.CommandTypeCase}'"),
    };
}
