using Window = Spark.Connect.Protocol.Expression.Types.Window;

namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// An expression after resolution: every column reference points at an <see cref="PlanColumn"/> of the
/// input (or an enclosing query), and the expression knows its Spark type and nullability.
/// <see cref="Source"/> is the client's expression it came from, which function renderers read for
/// literal arguments (date part names, rounding scales) and which names unaliased columns.
/// </summary>
internal abstract record ResolvedExpression(DataType Type, bool Nullable, Expression Source);

/// <summary>A column of the input.</summary>
internal sealed record ColumnReference(PlanColumn Column, Expression Source) : ResolvedExpression(Column.Type, Column.Nullable, Source);

/// <summary>A value from the plan; rendered as a bound parameter.</summary>
internal sealed record LiteralExpression(Expression.Types.Literal Value, DataType Type, Expression Source)
    : ResolvedExpression(Type, Value.LiteralTypeCase == Expression.Types.Literal.LiteralTypeOneofCase.Null, Source);

/// <summary>A Spark function applied to resolved arguments (aggregates carry DISTINCT).</summary>
internal sealed record FunctionExpression(string Name, IReadOnlyList<ResolvedExpression> Arguments, bool IsDistinct,
    DataType Type, bool Nullable, Expression Source) : ResolvedExpression(Type, Nullable, Source);

/// <summary><c>*</c> as a function argument (only <c>count(*)</c>).</summary>
internal sealed record StarArgument(Expression Source) : ResolvedExpression(new DataType { Long = new() }, false, Source);

/// <summary>A cast to <paramref name="Type"/>; TRY casts give null on failure.</summary>
internal sealed record CastExpression(ResolvedExpression Operand, DataType Type, bool IsTry, Expression Source)
    : ResolvedExpression(Type, Operand.Nullable || IsTry, Source);

/// <summary>What an extraction reads: a struct field, a map value by key, or an array element by 0-based index.</summary>
internal enum ExtractionKind { StructField, MapValue, ArrayElement }

/// <summary>A field, map value or array element of the child.</summary>
internal sealed record ExtractExpression(ResolvedExpression Child, ExtractionKind Kind, string? FieldName, ResolvedExpression? Key,
    DataType Type, bool Nullable, Expression Source) : ResolvedExpression(Type, Nullable, Source);

/// <summary>A function evaluated over a window: partitions, ordering and the frame as the client sent it.</summary>
internal sealed record WindowExpression(FunctionExpression Function, IReadOnlyList<ResolvedExpression> PartitionBy,
    IReadOnlyList<SortKey> OrderBy, Window.Types.WindowFrame? Frame, Expression Source)
    : ResolvedExpression(Function.Type, Function.Nullable, Source);

/// <summary>What a subquery expression asks of its plan.</summary>
internal enum SubqueryKind { Scalar, Exists, In }

/// <summary>A subquery over <paramref name="Plan"/>, which may refer to the enclosing query's columns.</summary>
internal sealed record ResolvedSubquery(LogicalPlan Plan, SubqueryKind Kind, IReadOnlyList<ResolvedExpression> InValues,
    DataType Type, bool Nullable, Expression Source) : ResolvedExpression(Type, Nullable, Source)
{
    /// <summary>The names of the enclosing query's columns the subquery refers to, in order (Spark's <c>scalarsubquery(c1, c2)</c>).</summary>
    internal IReadOnlyList<string> OuterReferences { get; init; } = [];
}

/// <summary>
/// A variable of a lambda function, bound by a higher-order function (<c>transform</c>, <c>filter</c>, …) to an
/// element, an index or an accumulator. The id is unique within one planning run (shared with columns), so its SQL
/// name never collides with a column or another lambda's variable. How DuckDB hands the value over can differ:
/// <paramref name="OneBasedIndex"/> (a list position, counted from 1 where Spark's index counts from 0) or
/// <paramref name="Field"/> (a field of the struct the DuckDB parameter holds, as <c>aggregate</c>'s reduction passes it).
/// </summary>
internal sealed record LambdaVariable(int Id, string Name, DataType Type, bool Nullable, bool OneBasedIndex = false, string? Field = null)
{
    /// <summary>The parameter's name in the DuckDB lambda.</summary>
    internal string SqlName => SqlIdentifiers.Quote("lv" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The SQL that reads the variable's value inside the lambda.</summary>
    internal string ValueSql => OneBasedIndex ? $"CAST({SqlName} - 1 AS INTEGER)"
        : Field is null ? SqlName
        : $"{SqlName}.{SqlIdentifiers.Quote(Field)}";
}

/// <summary>A reference to a lambda variable inside its lambda's body.</summary>
internal sealed record LambdaVariableReference(LambdaVariable Variable, Expression Source) : ResolvedExpression(Variable.Type, Variable.Nullable, Source);

/// <summary>A lambda function argument of a higher-order function: its variables and its resolved body (whose type it has).</summary>
internal sealed record ResolvedLambda(IReadOnlyList<LambdaVariable> Parameters, ResolvedExpression Body, Expression Source)
    : ResolvedExpression(Body.Type, Body.Nullable, Source);
