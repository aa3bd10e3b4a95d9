using Spark.Connect.Local.Planning;
using Spark.Connect.Local.Planning.Functions;
using Kind = Spark.Connect.Protocol.DataType.KindOneofCase;

namespace Spark.Connect.Local.Service.Commands.Statements;

/// <summary>
/// Spark's ANSI store assignment (<c>spark.sql.storeAssignmentPolicy=ANSI</c>, the default), checked before an INSERT
/// writes: numbers to numbers, anything atomic or an interval to a string, dates and timestamps to each other, null to
/// anything, and arrays, maps and structs element by element. Everything else (a string into an int or a date, a double
/// into a boolean) is refused at analysis, as Spark refuses it, instead of being cast by DuckDB.
/// </summary>
internal static class StoreAssignment
{
    /// <summary>Refuses the first data column that may not be stored in its table column (<c>INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST</c>).</summary>
    internal static void Check(StatementTable table, IReadOnlyList<(string Name, DataType Type)> targets, IReadOnlyList<DataType> data)
    {
        for (var i = 0; i < targets.Count && i < data.Count; i++)
        {
            if (Allows(data[i], targets[i].Type))
                continue;
            var column = $"`{targets[i].Name.Replace("`", "``", StringComparison.Ordinal)}`";
            var from = SparkTypes.Name(data[i]).ToUpperInvariant();
            var to = SparkTypes.Name(targets[i].Type).ToUpperInvariant();
            throw new LocalEngineException("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST", "KD000",
                $"Cannot write incompatible data for the table {table.Display}: Cannot safely cast {column} \"{from}\" to \"{to}\". Cast the value explicitly (CAST(… AS {to})).",
                new Dictionary<string, string> { ["tableName"] = table.Display, ["colName"] = column, ["srcType"] = $"\"{from}\"", ["targetType"] = $"\"{to}\"" });
        }
    }

    internal static bool Allows(DataType from, DataType to)
    {
        if (from.Equals(to) || from.KindCase == Kind.Null)
            return true;
        if (SparkTypes.IsNumeric(from) && SparkTypes.IsNumeric(to))
            return true;
        if (IsString(to) && (IsAtomic(from) || from.KindCase is Kind.CalendarInterval or Kind.DayTimeInterval or Kind.YearMonthInterval))
            return true;
        if (IsDatetime(from) && IsDatetime(to))
            return true;
        return (from.KindCase, to.KindCase) switch
        {
            (Kind.Array, Kind.Array) => Allows(from.Array.ElementType, to.Array.ElementType),
            (Kind.Map, Kind.Map) => Allows(from.Map.KeyType, to.Map.KeyType) && Allows(from.Map.ValueType, to.Map.ValueType),
            (Kind.Struct, Kind.Struct) => from.Struct.Fields.Count == to.Struct.Fields.Count
                && from.Struct.Fields.Zip(to.Struct.Fields).All(pair => Allows(pair.First.DataType, pair.Second.DataType)),
            _ => false,
        };
    }

    private static bool IsString(DataType type) => type.KindCase is Kind.String or Kind.Char or Kind.VarChar;

    private static bool IsDatetime(DataType type) => type.KindCase is Kind.Date or Kind.Timestamp or Kind.TimestampNtz;

    private static bool IsAtomic(DataType type) => type.KindCase is not (Kind.Array or Kind.Map or Kind.Struct or Kind.Null or Kind.Udt or Kind.Unparsed
        or Kind.CalendarInterval or Kind.DayTimeInterval or Kind.YearMonthInterval);
}
