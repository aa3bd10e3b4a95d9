namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Whether a function is evaluated per row, per group, or only over a window.</summary>
internal enum FunctionKind
{
    /// <summary>Per row (string, math, date functions, operators).</summary>
    Scalar,

    /// <summary>Per group; also usable with OVER.</summary>
    Aggregate,

    /// <summary>Only with OVER (ranking and offset functions).</summary>
    Window,
}

/// <summary>
/// One registered Spark function: its kind, the translator that renders a call of it, and the rule that
/// gives a call's Spark result type and nullability from its argument types.
/// </summary>
internal sealed record FunctionRenderer(FunctionKind Kind, Func<FunctionCall, string> Render, Func<TypedCall, FunctionResult> ResultType);

/// <summary>
/// Spark function name → renderer. Spark resolves function names case-insensitively, so lookups do
/// too. Every family file contributes its entries through a <c>Register</c> method.
/// </summary>
internal sealed class FunctionRegistry
{
    private static readonly Dictionary<string, FunctionRenderer> Renderers = Build();

    private readonly Dictionary<string, FunctionRenderer> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds a per-row function under one or more names (Spark aliases such as <c>ceil</c>/<c>ceiling</c>).</summary>
    public void Scalar(Func<FunctionCall, string> render, Func<TypedCall, FunctionResult> resultType, params string[] names) =>
        Add(FunctionKind.Scalar, render, resultType, names);

    /// <summary>Adds an aggregate function.</summary>
    public void Aggregate(Func<FunctionCall, string> render, Func<TypedCall, FunctionResult> resultType, params string[] names) =>
        Add(FunctionKind.Aggregate, render, resultType, names);

    /// <summary>Adds a window-only function.</summary>
    public void Window(Func<FunctionCall, string> render, Func<TypedCall, FunctionResult> resultType, params string[] names) =>
        Add(FunctionKind.Window, render, resultType, names);

    /// <summary>Every name the local engine knows, for documentation and tests.</summary>
    public static IReadOnlyCollection<string> Names => Renderers.Keys;

    /// <summary>
    /// The renderer for <paramref name="name"/>; otherwise UNRESOLVED_ROUTINE when Spark has no such function, or
    /// UNSUPPORTED_FEATURE.LOCAL_ENGINE naming a Spark function this engine does not implement.
    /// </summary>
    public static FunctionRenderer Find(string name) => TryFind(name) ?? throw FunctionErrors.UnknownFunction(name);

    /// <summary>The renderer for <paramref name="name"/>, or null.</summary>
    public static FunctionRenderer? TryFind(string name) => Renderers.GetValueOrDefault(name);

    private void Add(FunctionKind kind, Func<FunctionCall, string> render, Func<TypedCall, FunctionResult> resultType, string[] names)
    {
        foreach (var name in names)
            _entries.Add(name, new FunctionRenderer(kind, render, resultType));
    }

    private static Dictionary<string, FunctionRenderer> Build()
    {
        var registry = new FunctionRegistry();
        ComparisonFunctions.Register(registry);
        ArithmeticFunctions.Register(registry);
        ConditionalFunctions.Register(registry);
        CollectionFunctions.Register(registry);
        HigherOrderFunctions.Register(registry);
        ArrayFunctions.Register(registry);
        MapFunctions.Register(registry);
        ArrayReshapeFunctions.Register(registry);
        ArraysZipFunction.Register(registry);
        PairLambdaFunctions.Register(registry);
        StringFunctions.Register(registry);
        CaseFunctions.Register(registry);
        RegexFunctions.Register(registry);
        MathFunctions.Register(registry);
        RoundingFunctions.Register(registry);
        DateTimeFunctions.Register(registry);
        TimestampArithmetic.Register(registry);
        CalendarFunctions.Register(registry);
        DatePartFunctions.Register(registry);
        AggregateFunctions.Register(registry);
        ApproximateAggregates.Register(registry);
        GroupingFunctions.Register(registry);
        WindowFunctions.Register(registry);
        HashFunctions.Register(registry);
        DigestFunctions.Register(registry);
        StructFunctions.Register(registry);
        TextFunctions.Register(registry);
        TryFunctions.Register(registry);
        MapBuilders.Register(registry);
        ArrayEditFunctions.Register(registry);
        UnixTimeFunctions.Register(registry);
        PercentileFunctions.Register(registry);
        RandomFunctions.Register(registry);
        JsonFunctions.Register(registry);
        FormatStringFunctions.Register(registry);
        BitwiseFunctions.Register(registry);
        EpochFunctions.Register(registry);
        NumericEdgeFunctions.Register(registry);
        MomentFunctions.Register(registry);
        JsonShapeFunctions.Register(registry);
        ArrayInsertFunction.Register(registry);
        ElementaryMathFunctions.Register(registry);
        BitAggregateFunctions.Register(registry);
        SessionInfoFunctions.Register(registry);
        NullTestFunctions.Register(registry);
        UrlFunctions.Register(registry);
        RadixFunctions.Register(registry);
        RegexSearchFunctions.Register(registry);
        IntervalBuilders.Register(registry);
        BinaryTextFunctions.Register(registry);
        StringPredicates.Register(registry);
        NumberParsingFunctions.Register(registry);
        ToJsonFunction.Register(registry);
        FromJsonFunction.Register(registry);
        SchemaOfJsonFunction.Register(registry);
        FormattingFunctions.Register(registry);
        ZoneConversionFunctions.Register(registry);
        MonthsBetweenFunction.Register(registry);
        TimestampParsingFunctions.Register(registry);
        MakeIntervalFunction.Register(registry);
        CharacterCodeFunctions.Register(registry);
        SequenceFunction.Register(registry);
        TimeWindowFunction.Register(registry);
        return registry._entries;
    }
}
