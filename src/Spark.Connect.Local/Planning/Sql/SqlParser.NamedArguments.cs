namespace Spark.Connect.Local.Planning.Sql;

/// <summary>
/// Named function arguments, <c>f(a, name => value)</c>, for the built-in functions whose signature Spark declares
/// (<c>mask</c>, <c>count_min_sketch</c>): the call is rearranged into positional arguments with the signature's defaults
/// filled in, as Spark's NamedParametersSupport does, so it is planned and named exactly as the positional call. Spark's
/// errors: a function without a signature (NAMED_PARAMETERS_NOT_SUPPORTED), a positional argument after a named one
/// (UNEXPECTED_POSITIONAL_ARGUMENT), an unknown name (UNRECOGNIZED_PARAMETER_NAME), a parameter given twice
/// (DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.*) and a required one missing (REQUIRED_PARAMETER_NOT_FOUND).
/// </summary>
internal sealed partial class SqlParser
{
    private sealed record Parameter(string Name, Func<Expression>? Default = null);

    private static readonly Dictionary<string, Parameter[]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mask"] =
        [
            new("str"), new("upperChar", () => Literals.String("X")), new("lowerChar", () => Literals.String("x")),
            new("digitChar", () => Literals.String("n")), new("otherChar", Literals.Null),
        ],
        ["count_min_sketch"] = [new("column"), new("epsilon"), new("confidence"), new("seed")],
    };

    /// <summary>True at <c>name =&gt;</c>, the start of a named argument.</summary>
    private bool AtNamedArgument() =>
        Current.Kind is SparkTokenKind.Word or SparkTokenKind.QuotedIdentifier && PeekAt(1).IsSymbol("=>");

    /// <summary>The positional arguments for <paramref name="function"/>, given the named ones (keys, in order) after them.</summary>
    private static List<Expression> Rearranged(string function, List<Expression> positional, List<(string Name, Expression Value)> named)
    {
        if (!Signatures.TryGetValue(function, out var parameters))
            throw new LocalEngineException("NAMED_PARAMETERS_NOT_SUPPORTED", "4274K",
                $"Named parameters are not supported for function `{function}`; please retry the query with positional arguments to the function call instead.",
                new Dictionary<string, string> { ["functionName"] = $"`{function}`" });
        var values = new Expression?[parameters.Length];
        for (var i = 0; i < positional.Count && i < parameters.Length; i++)
            values[i] = positional[i];
        foreach (var (name, value) in named)
        {
            var index = Array.FindIndex(parameters, p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
                throw NamedArgumentError("UNRECOGNIZED_PARAMETER_NAME", function,
                    $"the routine call included a named argument reference for the argument named `{name}`, but this routine does not include any " +
                    $"signature containing an argument with this name. Did you mean one of the following? [{string.Join(", ", parameters.Select(p => $"`{p.Name}`"))}].",
                    ("argumentName", $"`{name}`"), ("proposal", string.Join(" ", parameters.Select(p => $"`{p.Name}`"))));
            if (values[index] is not null)
                throw NamedArgumentError(
                    index < positional.Count ? "DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.BOTH_POSITIONAL_AND_NAMED" : "DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.DOUBLE_NAMED_ARGUMENT_REFERENCE",
                    function, $"the parameter `{parameters[index].Name}` is assigned more than once.", ("parameterName", $"`{parameters[index].Name}`"));
            values[index] = value;
        }
        var result = new List<Expression>();
        for (var i = 0; i < parameters.Length; i++)
        {
            result.Add(values[i] ?? parameters[i].Default?.Invoke() ?? throw NamedArgumentError("REQUIRED_PARAMETER_NOT_FOUND", function,
                $"the parameter named `{parameters[i].Name}` is required, but the routine call did not supply a value. Please update the routine call " +
                $"to supply an argument value (either positionally at index {i} or by name) and retry the query again.",
                ("parameterName", $"`{parameters[i].Name}`"), ("index", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        // More positional arguments than parameters: left for the function's own argument-count error.
        result.AddRange(positional.Skip(parameters.Length));
        return result;
    }

    /// <summary>Spark's UNEXPECTED_POSITIONAL_ARGUMENT: a positional argument follows the named one assigned to <paramref name="name"/>.</summary>
    private static LocalEngineException PositionalAfterNamed(string function, string name) =>
        NamedArgumentError("UNEXPECTED_POSITIONAL_ARGUMENT", function,
            $"it contains positional argument(s) following the named argument assigned to `{name}`; please rearrange them so the positional " +
            "arguments come first and then retry the query again.", ("parameterName", $"`{name}`"));

    private static LocalEngineException NamedArgumentError(string errorClass, string function, string reason, params (string Key, string Value)[] extra)
    {
        var parameters = new Dictionary<string, string> { ["routineName"] = $"`{function}`" };
        foreach (var (key, value) in extra) parameters[key] = value;
        return new LocalEngineException(errorClass, "4274K", $"Cannot invoke routine `{function}` because {reason}", parameters);
    }
}
