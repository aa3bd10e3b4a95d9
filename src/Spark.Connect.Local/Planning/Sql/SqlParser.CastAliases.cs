using Cast = Spark.Connect.Protocol.Expression.Types.Cast;

namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Spark's cast functions: <c>boolean(x)</c>, <c>tinyint(x)</c>, <c>smallint(x)</c>, <c>int(x)</c>, <c>bigint(x)</c>,
/// <c>float(x)</c>, <c>double(x)</c>, <c>decimal(x)</c>, <c>string(x)</c>, <c>binary(x)</c>, <c>date(x)</c>,
/// <c>timestamp(x)</c> are <c>CAST(x AS type)</c> (Spark registers them as aliases of Cast), with one argument.
/// </summary>
internal sealed partial class SqlParser
{
    private static readonly HashSet<string> CastAliasTypes = new(StringComparer.Ordinal)
        { "boolean", "tinyint", "smallint", "int", "bigint", "float", "double", "decimal", "string", "binary", "date", "timestamp" };

    private static Expression? CastAlias(string lowerName, List<Expression> arguments)
    {
        if (!CastAliasTypes.Contains(lowerName))
            return null;
        if (arguments.Count != 1)
            throw new LocalEngineException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605",
                $"The `{lowerName}` requires 1 parameters but the actual number is {arguments.Count}.",
                new Dictionary<string, string> { ["functionName"] = $"`{lowerName}`", ["expectedNum"] = "1", ["actualNum"] = arguments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return CastTo(arguments[0], lowerName, Cast.Types.EvalMode.Unspecified);
    }
}
