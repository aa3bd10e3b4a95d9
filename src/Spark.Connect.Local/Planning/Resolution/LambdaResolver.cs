using Spark.Connect.Local.Planning.Functions;
using Kind = Spark.Connect.Protocol.Expression.ExprTypeOneofCase;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Higher-order functions (<c>transform</c>, <c>filter</c>, <c>exists</c>, <c>forall</c>, <c>aggregate</c>,
/// <c>array_sort</c> with a comparator): their plain arguments are resolved first, because they give the lambda
/// variables their types (the array's element type, the zero value's type), then each lambda's body is resolved
/// with its variables in scope, as Spark's analyzer binds lambdas (ResolveLambdaVariables).
/// </summary>
internal static class LambdaResolver
{
    /// <summary>One lambda argument: its position, the variable counts Spark accepts, and the variables' types.</summary>
    private sealed record Slot(int Position, int[] Arities, Func<IReadOnlyList<ResolvedExpression>, int, IReadOnlyList<VariableType>> Variables);

    /// <summary>A variable's Spark type, and how the DuckDB rendering passes it (see <see cref="LambdaVariable"/>).</summary>
    private readonly record struct VariableType(DataType Type, bool Nullable, bool OneBasedIndex = false, string? Field = null);

    /// <summary>The higher-order functions and, for each, (minimum, maximum) argument count and its lambda slots.</summary>
    private static readonly Dictionary<string, (int Min, int Max, Slot[] Slots)> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["transform"] = (2, 2, [new Slot(1, [1, 2], ElementAndIndex)]),
        ["filter"] = (2, 2, [new Slot(1, [1, 2], ElementAndIndex)]),
        ["exists"] = (2, 2, [new Slot(1, [1], ElementAndIndex)]),
        ["forall"] = (2, 2, [new Slot(1, [1], ElementAndIndex)]),
        ["aggregate"] = (3, 4, [new Slot(2, [2], AccumulatorAndElement), new Slot(3, [1], Accumulator)]),
        ["reduce"] = (3, 4, [new Slot(2, [2], AccumulatorAndElement), new Slot(3, [1], Accumulator)]),
        ["array_sort"] = (1, 2, [new Slot(1, [2], TwoElements)]),
        ["zip_with"] = (3, 3, [new Slot(2, [2], ZippedElements)]),
        ["map_filter"] = (2, 2, [new Slot(1, [2], KeyAndValue)]),
        ["transform_values"] = (2, 2, [new Slot(1, [2], KeyAndValue)]),
        ["transform_keys"] = (2, 2, [new Slot(1, [2], KeyAndValue)]),
    };

    /// <summary>The higher-order functions over a map (their first argument); the others take an array there.</summary>
    private static readonly HashSet<string> OverMaps = new(StringComparer.OrdinalIgnoreCase) { "map_filter", "transform_values", "transform_keys" };

    /// <summary>True when <paramref name="name"/> is a higher-order function, which binds a plain value in a lambda's place too.</summary>
    internal static bool TakesLambdas(string name) => Functions.ContainsKey(name);

    /// <summary>True when <paramref name="arguments"/> hold a lambda, which only a higher-order function may take.</summary>
    internal static bool HasLambda(IEnumerable<Expression> arguments) => arguments.Any(a => a.ExprTypeCase == Kind.LambdaFunction);

    /// <summary>Resolves a call of <paramref name="name"/> whose arguments hold lambda functions.</summary>
    internal static FunctionExpression Resolve(ExpressionResolver resolver, PlanningContext planning, ResolutionContext context,
        string name, IReadOnlyList<Expression> arguments, Expression source, ResolutionScope scope)
    {
        if (!Functions.TryGetValue(name, out var function))
        {
            // An unknown or unimplemented name fails as such; a known function that takes no lambda says so.
            FunctionRegistry.Find(name);
            throw NotHigherOrder(name);
        }
        if (arguments.Count < function.Min || arguments.Count > function.Max)
            throw FunctionErrors.WrongNumArgs(name, function.Min == function.Max ? $"{function.Min}" : $"[{function.Min}, {function.Max}]", arguments.Count);

        var resolved = new ResolvedExpression[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            var isSlot = function.Slots.Any(s => s.Position == i);
            if (arguments[i].ExprTypeCase == Kind.LambdaFunction && !isSlot)
                throw NotALambdaPosition(name, i);
            if (!isSlot) resolved[i] = resolver.Resolve(arguments[i], scope);
        }
        if (OverMaps.Contains(name) ? resolved[0].Type.KindCase != DataType.KindOneofCase.Map : resolved[0].Type.KindCase != DataType.KindOneofCase.Array)
            throw ArrayRequired(name, resolved[0], OverMaps.Contains(name) ? "MAP" : "ARRAY");
        if (name.Equals("zip_with", StringComparison.OrdinalIgnoreCase) && resolved[1].Type.KindCase != DataType.KindOneofCase.Array)
            throw ArrayRequired(name, resolved[1], "ARRAY", "second");
        foreach (var slot in function.Slots.Where(s => s.Position < arguments.Count))
            resolved[slot.Position] = Lambda(resolver, context, name, arguments[slot.Position], slot, resolved, scope);

        var (type, nullable) = FunctionTyping.Of(planning, name, resolved, false, windowed: false);
        return new FunctionExpression(name, resolved, false, type, nullable, source);
    }

    private static ResolvedLambda Lambda(ExpressionResolver resolver, ResolutionContext context, string name, Expression argument, Slot slot,
        IReadOnlyList<ResolvedExpression> resolved, ResolutionScope scope)
    {
        if (argument.ExprTypeCase != Kind.LambdaFunction)
            return Independent(resolver, context, argument, slot, resolved, scope);
        var lambda = argument.LambdaFunction;
        var names = lambda.Arguments.Select(a => string.Join(".", a.NameParts)).ToList();
        if (!slot.Arities.Contains(names.Count))
            throw new LocalEngineException("INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH", "42K0D",
                $"Invalid lambda function call. A higher order function expects {string.Join(" or ", slot.Arities)} arguments, but got {names.Count}.",
                new Dictionary<string, string> { ["expectedNumArgs"] = string.Join(" or ", slot.Arities), ["actualNumArgs"] = names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var duplicates = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            throw new LocalEngineException("INVALID_LAMBDA_FUNCTION_CALL.DUPLICATE_ARG_NAMES", "42K0D",
                $"Invalid lambda function call. The lambda function has duplicate arguments {string.Join(", ", duplicates.Select(d => $"`{d}`"))}. " +
                "Please, consider to rename the argument names or set \"spark.sql.caseSensitive\" to \"true\".",
                new Dictionary<string, string> { ["args"] = string.Join(", ", duplicates.Select(d => $"`{d}`")), ["caseSensitiveConfig"] = "\"spark.sql.caseSensitive\"" });

        var types = slot.Variables(resolved, names.Count);
        var variables = names.Select((n, i) => context.NewLambdaVariable(n, types[i].Type, types[i].Nullable, types[i].OneBasedIndex, types[i].Field)).ToList();
        var body = resolver.Resolve(lambda.Function, scope.WithLambdaVariables(variables));
        return new ResolvedLambda(variables, body, argument);
    }

    /// <summary>
    /// A plain value where a lambda goes (<c>transform(ys, 0)</c>): as Spark's ResolveLambdaVariables, a lambda that
    /// ignores its variables (the fewest the slot takes). The value resolves in the enclosing scope, so the hidden
    /// variables can hide no column.
    /// </summary>
    private static ResolvedLambda Independent(ExpressionResolver resolver, ResolutionContext context, Expression argument, Slot slot,
        IReadOnlyList<ResolvedExpression> resolved, ResolutionScope scope)
    {
        var count = slot.Arities.Min();
        var types = slot.Variables(resolved, count);
        var variables = types.Select((t, i) => context.NewLambdaVariable($"col{i}", t.Type, t.Nullable, t.OneBasedIndex, t.Field)).ToList();
        // The source a lambda argument has, so typing and rendering treat this one as any other.
        var source = new Expression.Types.LambdaFunction { Function = argument };
        source.Arguments.AddRange(variables.Select(v => new Expression.Types.UnresolvedNamedLambdaVariable { NameParts = { v.Name } }));
        return new ResolvedLambda(variables, resolver.Resolve(argument, scope), new Expression { LambdaFunction = source });
    }

    /// <summary>The element (with the array's containsNull) and, for a second variable, the 0-based INT index.</summary>
    private static IReadOnlyList<VariableType> ElementAndIndex(IReadOnlyList<ResolvedExpression> arguments, int count)
    {
        var array = arguments[0].Type.Array;
        var element = new VariableType(array.ElementType, array.ContainsNull);
        return count == 1 ? [element] : [element, new VariableType(SparkTypes.Integer, false, OneBasedIndex: true)];
    }

    /// <summary>
    /// The accumulator (the zero value's type, always nullable, as Spark binds it) and the element. DuckDB's reduction
    /// needs the accumulator and the elements to share a type, so the rendering reduces (acc, x) structs and each
    /// variable reads its field (see <c>HigherOrderFunctions</c>).
    /// </summary>
    private static IReadOnlyList<VariableType> AccumulatorAndElement(IReadOnlyList<ResolvedExpression> arguments, int count) =>
        [new VariableType(arguments[1].Type, true, Field: HigherOrderFunctions.AccumulatorField),
            ElementAndIndex(arguments, 1)[0] with { Field = HigherOrderFunctions.ElementField }];

    /// <summary>The final accumulator, read from the reduction's (acc, x) struct.</summary>
    private static IReadOnlyList<VariableType> Accumulator(IReadOnlyList<ResolvedExpression> arguments, int count) =>
        [new VariableType(arguments[1].Type, true, Field: HigherOrderFunctions.AccumulatorField)];

    /// <summary>
    /// zip_with's two elements at one index, each nullable (the shorter array is padded with nulls), read from the
    /// fields of the pair struct the rendering builds (see <c>PairLambdaFunctions</c>).
    /// </summary>
    private static IReadOnlyList<VariableType> ZippedElements(IReadOnlyList<ResolvedExpression> arguments, int count) =>
        [new VariableType(arguments[0].Type.Array.ElementType, true, Field: PairLambdaFunctions.LeftField),
            new VariableType(arguments[1].Type.Array.ElementType, true, Field: PairLambdaFunctions.RightField)];

    /// <summary>A map entry's key (never null) and value, read from the fields of the entry struct (DuckDB's map_entries).</summary>
    private static IReadOnlyList<VariableType> KeyAndValue(IReadOnlyList<ResolvedExpression> arguments, int count) =>
        [new VariableType(arguments[0].Type.Map.KeyType, false, Field: PairLambdaFunctions.KeyField),
            new VariableType(arguments[0].Type.Map.ValueType, arguments[0].Type.Map.ValueContainsNull, Field: PairLambdaFunctions.ValueField)];

    /// <summary>array_sort's two elements, read from the fields of the pair struct the rendering builds (see <c>ComparatorSort</c>).</summary>
    private static IReadOnlyList<VariableType> TwoElements(IReadOnlyList<ResolvedExpression> arguments, int count) =>
        [ElementAndIndex(arguments, 1)[0] with { Field = ComparatorSort.LeftField }, ElementAndIndex(arguments, 1)[0] with { Field = ComparatorSort.RightField }];

    /// <summary>Spark's error for a lambda given to a function that takes none.</summary>
    internal static LocalEngineException NotHigherOrder(string name) =>
        new("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", "42K0D",
            $"Invalid lambda function call. A lambda function should only be used in a higher order function. However, its class is {name}, which is not a higher order function.",
            new Dictionary<string, string> { ["class"] = name });

    private static LocalEngineException NotALambdaPosition(string name, int position) =>
        new("INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION", "42K0D",
            $"Invalid lambda function call. Argument {position + 1} of {name} is a lambda function, but {name} takes a value there.",
            new Dictionary<string, string> { ["class"] = name });

    private static LocalEngineException ArrayRequired(string name, ResolvedExpression argument, string required = "ARRAY", string position = "first") =>
        new("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "42K09",
            $"Cannot resolve `{name}` due to data type mismatch: the {position} parameter requires the \"{required}\" type, however it has the type \"{SparkTypes.Name(argument.Type)}\".",
            new Dictionary<string, string> { ["functionName"] = $"`{name}`", ["paramIndex"] = position, ["requiredType"] = $"\"{required}\"", ["inputType"] = $"\"{SparkTypes.Name(argument.Type)}\"" });
}
