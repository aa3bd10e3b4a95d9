using Literal = Spark.Connect.Protocol.Expression.Types.Literal;

namespace Spark.Linq.Testing;

/// <summary>
/// A literal value of a plan, readable as C#: <c>100m (decimal(3,0))</c>, <c>"EMEA" (string)</c>, or for an enum the query
/// compared, <c>OrderStatus.Shipped (3: int)</c>. <see cref="ClrType"/> is the type of the C# value the query held
/// when the translation knew it (captured variables and constants); otherwise the CLR type Spark's type maps to.
/// </summary>
public sealed class PlanLiteral
{
    internal PlanLiteral(Literal literal, Type? recordedType, string? capturedFrom)
    {
        Literal = literal;
        CapturedFrom = capturedFrom;
        ClrTypeIsFromQuery = recordedType is not null;
        ClrType = recordedType ?? DefaultClrType(literal);
        SparkType = LiteralSpelling.SparkType(literal);
        CSharp = LiteralSpelling.CSharp(literal, recordedType);
        var underlying = Nullable.GetUnderlyingType(ClrType) ?? ClrType;
        IsEnum = underlying.IsEnum;
        Text = IsEnum ? $"{CSharp} ({SparkValue}: {SparkType})" : $"{CSharp} ({SparkType})";
    }

    /// <summary>
    /// For a value the query captured (evaluated on the client when it was translated), what it was read from: a variable or
    /// member chain (<c>minimum</c>, <c>filter.Minimum</c>), the C# of another expression (<c>DateTime.Today.AddDays(-7)</c>), or <c>:name</c> for a SQL argument;
    /// null for a constant written in the query.
    /// </summary>
    public string? CapturedFrom { get; }

    /// <summary>The literal message as Spark receives it.</summary>
    public Literal Literal { get; }

    /// <summary>The value as C# source: <c>100m</c>, <c>"EMEA"</c>, <c>OrderStatus.Shipped</c>, <c>new DateOnly(2024, 1, 31)</c>.</summary>
    public string CSharp { get; }

    /// <summary>Spark's type: <c>int</c>, <c>decimal(3,0)</c>, <c>timestamp_ntz</c>, ….</summary>
    public string SparkType { get; }

    /// <summary>The CLR type of the value (nullable form included when the query's constant was nullable).</summary>
    public Type ClrType { get; }

    /// <summary>True when <see cref="ClrType"/> was recorded while the query was translated, false when it is inferred from Spark's type.</summary>
    public bool ClrTypeIsFromQuery { get; }

    /// <summary>True when the value is an enum member: Spark receives its number (or its name, for members stored as names).</summary>
    public bool IsEnum { get; }

    /// <summary>The value Spark receives: a number as written (<c>3</c>), a string in SQL quotes (<c>'Shipped'</c>), else as <see cref="CSharp"/> would spell it without the query's type. Snapshots show it beside enum members.</summary>
    public string SparkValue => Literal.LiteralTypeCase switch
    {
        Literal.LiteralTypeOneofCase.String => "'" + Literal.String.Replace("'", "''", StringComparison.Ordinal) + "'",
        _ when LiteralSpelling.Integral(Literal) is { } number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => LiteralSpelling.CSharp(Literal, null),
    };

    /// <summary>The text plan snapshots show: the C# spelling followed by Spark's type.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static Type DefaultClrType(Literal literal) => literal.LiteralTypeCase switch
    {
        Literal.LiteralTypeOneofCase.Boolean => typeof(bool),
        Literal.LiteralTypeOneofCase.Byte => typeof(sbyte),
        Literal.LiteralTypeOneofCase.Short => typeof(short),
        Literal.LiteralTypeOneofCase.Integer => typeof(int),
        Literal.LiteralTypeOneofCase.Long => typeof(long),
        Literal.LiteralTypeOneofCase.Float => typeof(float),
        Literal.LiteralTypeOneofCase.Double => typeof(double),
        Literal.LiteralTypeOneofCase.Decimal => typeof(decimal),
        Literal.LiteralTypeOneofCase.String => typeof(string),
        Literal.LiteralTypeOneofCase.Binary => typeof(byte[]),
        Literal.LiteralTypeOneofCase.Date => typeof(DateOnly),
        Literal.LiteralTypeOneofCase.Timestamp or Literal.LiteralTypeOneofCase.TimestampNtz => typeof(DateTime),
        Literal.LiteralTypeOneofCase.DayTimeInterval => typeof(TimeSpan),
        Literal.LiteralTypeOneofCase.Time => typeof(TimeOnly),
        _ => typeof(object),
    };
}
