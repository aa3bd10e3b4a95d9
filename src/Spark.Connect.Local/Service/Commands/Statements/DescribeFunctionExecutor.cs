using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;
using Spark.Connect.Local.Planning.Sql.Statements;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// <c>DESCRIBE FUNCTION [EXTENDED] name</c>, as Spark's DescribeFunctionCommand answers it: one <c>function_desc</c>
/// string column with <c>Function: …</c>, <c>Class: …</c>, <c>Usage: …</c> (and <c>Extended Usage:…</c>) rows. The engine
/// answers only what it can answer exactly: the operators Spark describes from fixed text (<c>&lt;&gt;</c>, <c>!=</c>,
/// <c>case</c>, <c>||</c>) and the cast aliases, whose usage Spark generates from the alias name. Other
/// Spark functions carry usage text the engine does not hold, so they are UNSUPPORTED_FEATURE.LOCAL_ENGINE rather than
/// rows that differ from Spark's; a name that is no function is Spark's UNRESOLVED_ROUTINE.
/// </summary>
internal static class DescribeFunctionExecutor
{
    // Spark's rows for operators that have no function class (FunctionRegistry.builtinOperators; Spark 4 describes
    // `between` from its Between expression instead, whose text the engine does not hold).
    private static readonly Dictionary<string, string> VirtualOperatorUsage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["<>"] = "expr1 <> expr2 - Returns true if `expr1` is not equal to `expr2`.",
        ["!="] = "expr1 != expr2 - Returns true if `expr1` is not equal to `expr2`.",
        ["case"] = "CASE expr1 WHEN expr2 THEN expr3 [WHEN expr4 THEN expr5]* [ELSE expr6] END - When `expr1` = `expr2`, " +
            "returns `expr3`; when `expr1` = `expr4`, return `expr5`; else return `expr6`.",
        ["||"] = "expr1 || expr2 - Returns the concatenation of `expr1` and `expr2`.",
    };

    // The class, and the release that added them, of Spark's cast aliases (FunctionRegistry.castAlias).
    private const string CastClass = "org.apache.spark.sql.catalyst.expressions.Cast";
    private const string CastAliasSince = "2.0.1";

    internal static byte[] Run(DescribeFunctionStatement describe)
    {
        if (describe.Name.Count != 1)
            throw LocalEngineException.Unsupported("DESCRIBE FUNCTION of a qualified name",
                "The local engine has no persistent functions; describe a built-in function by its bare name.");
        var name = describe.Name[0];
        var result = StatementResult.Of(("function_desc", false, false));
        if (VirtualOperatorUsage.TryGetValue(name, out var usage))
        {
            result.Add("Function: " + name).Add("Usage: " + usage);
            return (describe.Extended ? result.Add(ExtendedUsage(name, since: null)) : result).ToIpc();
        }

        var lower = name.ToLowerInvariant();
        if (CastAliases.TargetOf(lower) is not null)
        {
            result.Add("Function: " + lower).Add("Class: " + CastClass)
                .Add($"Usage: {lower}(expr) - Casts the value `expr` to the target data type `{lower}`.");
            if (describe.Extended)
                result.Add(ExtendedUsage(lower, CastAliasSince));
            return result.ToIpc();
        }

        if (FunctionRegistry.TryFind(name) is not null || SparkBuiltinFunctions.Contains(name))
            throw LocalEngineException.Unsupported($"DESCRIBE FUNCTION of '{name}'",
                "The local engine does not carry Spark's usage text for this function; it answers DESCRIBE FUNCTION for the cast " +
                "aliases (boolean, int, string, …) and the operators <>, !=, case and ||. See Spark's built-in function reference.");
        throw FunctionErrors.UnknownFunction(name);
    }

    /// <summary>ExpressionInfo's extended text for an entry with no arguments or examples, then its release if it has one.</summary>
    private static string ExtendedUsage(string name, string? since) =>
        $"Extended Usage:\n    No example/argument for {name}.\n" + (since is null ? "" : $"\n    Since: {since}\n");
}
