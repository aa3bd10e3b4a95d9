using System.Globalization;
using NUnit.Framework;
using Spark.Connect.Arrow;
using A = Apache.Arrow;

namespace Spark.Connect.Tests.Arrow;

/// <summary>
/// Compares an Apache.Arrow array with the column it was laid over, row by row, reading each side only through
/// its own public accessors: what Apache.Arrow makes of the buffers must be what our column API says.
/// </summary>
internal static class ApacheArrowComparison
{
    /// <summary>Asserts equal length, nulls and every present value of the first <paramref name="rows"/> rows (all by default).</summary>
    public static void AssertSameValues(ArrowColumn ours, A.IArrowArray theirs, string path, int? rows = null)
    {
        var length = rows ?? ours.Length;
        Assert.That(theirs.Length, Is.EqualTo(length), $"{path}: length");
        for (var i = 0; i < length; i++)
        {
            Assert.That(theirs.IsNull(i), Is.EqualTo(ours.IsNull(i)), $"{path}[{i}]: null");
            if (!ours.IsNull(i))
                AssertSameValue(ours, theirs, i, $"{path}[{i}]");
        }
        AssertSameChildren(ours, theirs, path, length);
    }

    private static void AssertSameValue(ArrowColumn ours, A.IArrowArray theirs, int i, string at)
    {
        object? expected, actual;
        switch (ours, theirs)
        {
            case (BooleanColumn o, A.BooleanArray t): (expected, actual) = (o.GetValue(i), t.GetValue(i)); break;
            case (Decimal128Column o, A.Decimal128Array t): (expected, actual) = (Format(o.GetUnscaled(i), o.Scale), t.GetSqlDecimal(i)!.Value.ToString()); break;
            case (StringColumn o, A.StringArray t): (expected, actual) = (o.GetString(i), t.GetString(i)); break;
            case (StringColumn o, A.LargeStringArray t): (expected, actual) = (o.GetString(i), t.GetString(i)); break;
            case (BinaryColumn o, A.BinaryArray t): (expected, actual) = (o.GetBytes(i).ToArray(), t.GetBytes(i).ToArray()); break;
            case (BinaryColumn o, A.LargeBinaryArray t): (expected, actual) = (o.GetBytes(i).ToArray(), t.GetBytes(i).ToArray()); break;
            case (ListColumn o, A.ListArray t): (expected, actual) = ((o.GetStart(i), o.GetLength(i)), (t.ValueOffsets[i], t.GetValueLength(i))); break;
            case (ListColumn o, A.LargeListArray t): (expected, actual) = ((o.GetStart(i), o.GetLength(i)), ((int)t.ValueOffsets[i], t.GetValueLength(i))); break;
            case (StructColumn, A.StructArray): return;
            case (DictionaryColumn o, A.DictionaryArray t): (expected, actual) = (o.GetIndex(i), Index(t.Indices, i)); break;
            case (Time32Column o, A.Time32Array t): (expected, actual) = ((o.GetValue(i), o.GetTime(i)), (t.GetValue(i), t.GetTime(i))); break;
            case (Time64Column o, A.Time64Array t): (expected, actual) = ((o.GetValue(i), o.GetTime(i)), (t.GetValue(i), t.GetTime(i))); break;
            case (PrimitiveColumn<sbyte> o, A.Int8Array t): (expected, actual) = (o.GetValue(i), t.GetValue(i)); break;
            case (PrimitiveColumn<short> o, A.Int16Array t): (expected, actual) = (o.GetValue(i), t.GetValue(i)); break;
            case (PrimitiveColumn<int> o, A.YearMonthIntervalArray t): (expected, actual) = (o.GetValue(i), t.GetValue(i)!.Value.Months); break;
            case (PrimitiveColumn<int> o, A.PrimitiveArray<int> t): (expected, actual) = (o.GetValue(i), t.GetValue(i)); break;
            case (PrimitiveColumn<long> o, A.PrimitiveArray<long> t): (expected, actual) = (o.GetValue(i), t.GetValue(i)); break;
            case (PrimitiveColumn<byte> o, A.UInt8Array t): (expected, actual) = (o.GetValue(i), t.GetValue(i)); break;
            case (PrimitiveColumn<ushort> o, A.UInt16Array t): (expected, actual) = (o.GetValue(i), t.GetValue(i)); break;
            case (PrimitiveColumn<uint> o, A.UInt32Array t): (expected, actual) = (o.GetValue(i), t.GetValue(i)); break;
            case (PrimitiveColumn<ulong> o, A.UInt64Array t): (expected, actual) = (o.GetValue(i), t.GetValue(i)); break;
            case (PrimitiveColumn<float> o, A.FloatArray t): (expected, actual) = (o.GetValue(i), t.GetValue(i)); break;
            case (PrimitiveColumn<double> o, A.DoubleArray t): (expected, actual) = (o.GetValue(i), t.GetValue(i)); break;
            case (PrimitiveColumn<ArrowDayTimeInterval> o, A.DayTimeIntervalArray t):
                var dayTime = t.GetValue(i)!.Value;
                (expected, actual) = (o.GetValue(i), new ArrowDayTimeInterval(dayTime.Days, dayTime.Milliseconds));
                break;
            case (PrimitiveColumn<ArrowMonthDayNanoInterval> o, A.MonthDayNanosecondIntervalArray t):
                var mdn = t.GetValue(i)!.Value;
                (expected, actual) = (o.GetValue(i), new ArrowMonthDayNanoInterval(mdn.Months, mdn.Days, mdn.Nanoseconds));
                break;
            default:
                Assert.Fail($"{at}: our {ours.GetType().Name} became Apache.Arrow {theirs.GetType().Name}");
                return;
        }
        Assert.That(actual, Is.EqualTo(expected), at);
    }

    private static void AssertSameChildren(ArrowColumn ours, A.IArrowArray theirs, string path, int rows)
    {
        switch (ours, theirs)
        {
            case (MapColumn o, A.MapArray t):
                AssertSameValues(o.Keys, t.Keys, path + ".key");
                AssertSameValues(o.Items, t.Values, path + ".value");
                break;
            case (ListColumn o, A.ListArray t): AssertSameValues(o.Values, t.Values, path + "[]"); break;
            case (DictionaryColumn o, A.DictionaryArray t): AssertSameValues(o.Dictionary, t.Dictionary, path + ".dictionary"); break;
            case (ListColumn o, A.LargeListArray t): AssertSameValues(o.Values, t.Values, path + "[]"); break;
            case (StructColumn o, A.StructArray t):
                Assert.That(t.Fields, Has.Count.EqualTo(o.Children.Count), path + ": members");
                for (var c = 0; c < o.Children.Count; c++)
                    AssertSameValues(o.Children[c], t.Fields[c], $"{path}.{o.Children[c].Field.Name}", rows);
                break;
        }
    }

    private static int Index(A.IArrowArray indices, int i) => indices switch
    {
        A.Int8Array a => a.GetValue(i)!.Value,
        A.Int16Array a => a.GetValue(i)!.Value,
        A.Int32Array a => a.GetValue(i)!.Value,
        A.Int64Array a => checked((int)a.GetValue(i)!.Value),
        A.UInt8Array a => a.GetValue(i)!.Value,
        A.UInt16Array a => a.GetValue(i)!.Value,
        A.UInt32Array a => checked((int)a.GetValue(i)!.Value),
        A.UInt64Array a => checked((int)a.GetValue(i)!.Value),
        _ => throw new NotSupportedException(indices.GetType().Name),
    };

    /// <summary>An unscaled decimal as SqlDecimal prints it: exactly <paramref name="scale"/> digits after the point.</summary>
    private static string Format(Int128 unscaled, int scale)
    {
        var digits = Int128.Abs(unscaled).ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
        var text = scale == 0 ? digits : digits[..^scale] + "." + digits[^scale..];
        return unscaled < 0 ? "-" + text : text;
    }
}
