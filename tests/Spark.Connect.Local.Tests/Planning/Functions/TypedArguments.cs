using System.Globalization;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Functions;

/// <summary>
/// One argument of a typed call in the result-type tests: a column of a Spark type (a typed NULL column of
/// the test's input), a literal, or <c>*</c>. Shorthands for Spark types, and DuckDB's type mapped back.
/// </summary>
internal sealed record TypedArg(DataType Type, Expression Source, string? LiteralSql, bool Nullable = true, LambdaSql? Lambda = null)
{
    /// <summary>
    /// A lambda of <paramref name="parameters"/> whose body is <paramref name="body"/> (DuckDB SQL over the quoted
    /// parameters, as the resolver would render it) and has Spark type <paramref name="type"/>.
    /// </summary>
    public static TypedArg Fn(DataType type, string body, params string[] parameters)
    {
        var lambda = new Expression.Types.LambdaFunction();
        foreach (var name in parameters)
            lambda.Arguments.Add(new Expression.Types.UnresolvedNamedLambdaVariable { NameParts = { name } });
        var sql = LambdaSql.Of(parameters.Select(p => SqlIdentifiers.Quote(p)).ToList(), body);
        return new(type, new Expression { LambdaFunction = lambda }, sql.Text, true, sql);
    }

    /// <summary>The argument as the catalog receives it (a lambda with its parts).</summary>
    public SqlArgument ToSql(string sql) => new(sql, Source, Type, Lambda);

    public static TypedArg Column(DataType type, bool nullable = true) =>
        new(type, new Expression { UnresolvedAttribute = new Expression.Types.UnresolvedAttribute { UnparsedIdentifier = "c" } }, null, nullable);

    public static TypedArg Lit(int value) =>
        new(SparkTypes.Integer, Literal(new Expression.Types.Literal { Integer = value }),
            string.Create(CultureInfo.InvariantCulture, $"CAST({value} AS INTEGER)"), false);

    public static TypedArg Lit(string value) =>
        new(SparkTypes.String, Literal(new Expression.Types.Literal { String = value }), SqlLiterals.QuoteString(value), false);

    public static TypedArg Lit(bool value) =>
        new(SparkTypes.Boolean, Literal(new Expression.Types.Literal { Boolean = value }), value ? "true" : "false", false);

    public static TypedArg Star => new(SparkTypes.Null, new Expression { UnresolvedStar = new Expression.Types.UnresolvedStar() }, "*", false);

    public TypedArgument ForResolver => new(Type, Nullable, Source);

    private static Expression Literal(Expression.Types.Literal literal) => new() { Literal = literal };
}

/// <summary>Spark types by short name, and DuckDB's reported type in Spark's terms.</summary>
internal static class T
{
    public static DataType Bool => SparkTypes.Boolean;
    public static DataType Tiny => SparkTypes.Byte;
    public static DataType Small => SparkTypes.Short;
    public static DataType Int => SparkTypes.Integer;
    public static DataType Long => SparkTypes.Long;
    public static DataType Flt => SparkTypes.Float;
    public static DataType Dbl => SparkTypes.Double;
    public static DataType Str => SparkTypes.String;
    public static DataType Bin => SparkTypes.Binary;
    public static DataType Date => SparkTypes.Date;
    public static DataType Ts => SparkTypes.Timestamp;
    public static DataType Ntz => SparkTypes.TimestampNtz;
    public static DataType DayTime => SparkTypes.DayTimeInterval();
    public static DataType YearMonth => SparkTypes.YearMonthInterval;
    public static DataType Dec(int p, int s) => SparkTypes.Decimal(p, s);
    public static DataType Arr(DataType element) => SparkTypes.ArrayOf(element, containsNull: true);

    /// <summary>
    /// DuckDB's type as Spark's: TIMESTAMP is timestamp_ntz, TIMESTAMPTZ timestamp, INTERVAL a day-time
    /// interval, HUGEINT decimal(38,0); lists, structs and maps recursively.
    /// </summary>
    public static DataType FromDuckDb(DuckDbLogicalType type) => type.Id switch
    {
        DuckDbTypeId.Boolean => Bool,
        DuckDbTypeId.TinyInt => Tiny,
        DuckDbTypeId.SmallInt => Small,
        DuckDbTypeId.Integer => Int,
        DuckDbTypeId.BigInt => Long,
        DuckDbTypeId.HugeInt => Dec(38, 0),
        DuckDbTypeId.Float => Flt,
        DuckDbTypeId.Double => Dbl,
        DuckDbTypeId.Decimal => Dec(type.DecimalWidth, type.DecimalScale),
        DuckDbTypeId.Varchar => Str,
        DuckDbTypeId.Blob => Bin,
        DuckDbTypeId.Date => Date,
        DuckDbTypeId.Timestamp => Ntz,
        DuckDbTypeId.TimestampTz => Ts,
        DuckDbTypeId.Interval => DayTime,
        DuckDbTypeId.List => Arr(FromDuckDb(type.ListChild!)),
        DuckDbTypeId.Map => new DataType { Map = new DataType.Types.Map { KeyType = FromDuckDb(type.MapKey!), ValueType = FromDuckDb(type.MapValue!), ValueContainsNull = true } },
        DuckDbTypeId.Struct => StructOf(type.StructFields),
        _ => throw new AssertionException($"DuckDB type {type} has no Spark type"),
    };

    /// <summary>
    /// What DuckDB can tell apart: nullability inside arrays, maps and structs is dropped and every interval
    /// kind is one INTERVAL, so those are normalized before comparing.
    /// </summary>
    public static DataType Comparable(DataType type)
    {
        var copy = type.Clone();
        switch (copy.KindCase)
        {
            // DuckDB has no NULL type to name: Spark's NULL is INTEGER to it (DuckDbTypeNames), as an untyped NULL is.
            case DataType.KindOneofCase.Null:
                return Int;
            case DataType.KindOneofCase.YearMonthInterval or DataType.KindOneofCase.DayTimeInterval or DataType.KindOneofCase.CalendarInterval:
                return DayTime;
            case DataType.KindOneofCase.Array:
                return Arr(Comparable(copy.Array.ElementType));
            case DataType.KindOneofCase.Map:
                copy.Map.KeyType = Comparable(copy.Map.KeyType);
                copy.Map.ValueType = Comparable(copy.Map.ValueType);
                copy.Map.ValueContainsNull = true;
                return copy;
            case DataType.KindOneofCase.Struct:
                foreach (var field in copy.Struct.Fields)
                {
                    field.DataType = Comparable(field.DataType);
                    field.Nullable = true;
                }
                return copy;
            default:
                return copy;
        }
    }

    private static DataType StructOf(IReadOnlyList<DuckDbStructField> fields)
    {
        var result = new DataType.Types.Struct();
        foreach (var field in fields)
            result.Fields.Add(new DataType.Types.StructField { Name = field.Name, DataType = FromDuckDb(field.Type), Nullable = true });
        return new DataType { Struct = result };
    }
}
