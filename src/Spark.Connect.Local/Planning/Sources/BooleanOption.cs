namespace Spark.Connect.Local.Planning.Sources;

/// <summary>A true/false option of a file read or write (<c>header</c>, <c>inferSchema</c>), as Spark spells them.</summary>
internal static class BooleanOption
{
    /// <summary>Removes <paramref name="key"/> from <paramref name="options"/> and parses it; absent is false.</summary>
    internal static bool Take(Dictionary<string, string> options, string key, string kind)
    {
        if (!options.Remove(key, out var value))
            return false;
        return value.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw new LocalEngineException("INVALID_PARAMETER_VALUE", "22023", $"The {kind} option '{key}' must be true or false."),
        };
    }
}
