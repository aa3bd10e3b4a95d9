using System.Globalization;
using Spark.Connect;
using Spark.Connect.Local.Planning.Catalog;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>The Spark analysis errors a function call can raise while being rendered.</summary>
internal static class FunctionErrors
{
    /// <summary>Spark's search path for unqualified routine names, as its analyzer prints it (toSQLId of each part).</summary>
    internal static readonly string SearchPath = $"[`system`.`builtin`, `system`.`session`, `{LocalCatalog.CatalogName}`.`{LocalCatalog.DatabaseName}`]";

    /// <summary>
    /// A name the local catalog does not implement. Spark's own answer when Spark has no such function either
    /// (UNRESOLVED_ROUTINE, so a typo fails as it would on a cluster); when Spark has it, UNSUPPORTED_FEATURE.LOCAL_ENGINE
    /// saying so, since a cluster would run the query. <paramref name="inner"/> is the failure that revealed the name, if any.
    /// </summary>
    public static LocalEngineException UnknownFunction(string name, Exception? inner = null)
    {
        if (!SparkBuiltinFunctions.Contains(name))
        {
            var routine = "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
            return new("UNRESOLVED_ROUTINE", "42883", $"Cannot resolve routine {routine} on search path {SearchPath}.",
                new Dictionary<string, string> { ["routineName"] = routine, ["searchPath"] = SearchPath }, inner);
        }
        return LocalEngineException.Unsupported($"the function '{name}'",
            $"'{name}' is a Spark function the local engine does not implement; see the Functions section of docs/local-engine.md " +
            "for the functions it runs, or run the query on a Spark cluster.", inner);
    }

    /// <summary>Spark's WRONG_NUM_ARGS.WITHOUT_SUGGESTION.</summary>
    public static LocalEngineException WrongNumArgs(string name, string expected, int actual) =>
        new("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605",
            $"The `{name}` requires {expected} parameters but the actual number is {actual}.",
            new Dictionary<string, string>
            {
                ["functionName"] = name,
                ["expectedNum"] = expected,
                ["actualNum"] = actual.ToString(CultureInfo.InvariantCulture),
            });

    /// <summary>An argument Spark requires to be a constant (a rounding scale, a date part name) is not one.</summary>
    public static LocalEngineException NotFoldable(string name, string role) =>
        new("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", "42K09",
            $"The {role} of `{name}` must be a constant (a literal), not a column or expression.",
            new Dictionary<string, string> { ["functionName"] = name, ["inputName"] = role });

    /// <summary>An argument has a type the function does not take.</summary>
    public static LocalEngineException UnexpectedInputType(string name, string role, string expected) =>
        new("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09",
            $"The {role} of `{name}` must be {expected}.",
            new Dictionary<string, string> { ["functionName"] = name, ["inputName"] = role, ["requiredType"] = expected });

    /// <summary>A literal argument's value is outside what Spark (or this engine) accepts.</summary>
    public static LocalEngineException InvalidParameterValue(string name, string role, string detail) =>
        new("INVALID_PARAMETER_VALUE", "22023",
            $"The {role} of `{name}` is invalid: {detail}.",
            new Dictionary<string, string> { ["functionName"] = name, ["parameter"] = role });

    /// <summary>The argument's type is needed to pick Spark's result type but the planner could not tell it.</summary>
    public static LocalEngineException UnknownType(string name) =>
        LocalEngineException.Unsupported($"'{name}' over an argument whose type can't be determined",
            "Cast the argument to a concrete type first.");

    /// <summary>Spark's DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES: an operator's two sides have no common type.</summary>
    public static LocalEngineException BinaryOpDiffTypes(string name, DataType left, DataType right) =>
        new("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", "42K09",
            $"Cannot resolve `{name}` due to data type mismatch: the left and right operands of the binary operator have incompatible types " +
            $"(\"{SparkTypes.Name(left)}\" and \"{SparkTypes.Name(right)}\").",
            new Dictionary<string, string> { ["left"] = $"\"{SparkTypes.Name(left)}\"", ["right"] = $"\"{SparkTypes.Name(right)}\"" });

    /// <summary>Spark's DATATYPE_MISMATCH.INVALID_ORDERING_TYPE: maps can't be compared.</summary>
    public static LocalEngineException InvalidOrderingType(string name, DataType type) =>
        new("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", "42K09",
            $"Cannot resolve `{name}` due to data type mismatch: the `{name}` does not support ordering on type \"{SparkTypes.Name(type)}\".",
            new Dictionary<string, string> { ["functionName"] = $"`{name}`", ["dataType"] = $"\"{SparkTypes.Name(type)}\"" });
}
