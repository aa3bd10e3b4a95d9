using System.Globalization;
using Spark.Connect.Local.Hashing;

namespace Spark.Connect.Local.Planning.Functions;

/// <summary>
/// Spark's <c>hash</c> (Murmur3) and <c>xxhash64</c>: seed 42, then each argument hashed with the running hash as
/// its seed, nulls skipped (Spark's <c>HashExpression</c>). The values are hashed by the engine's C# functions
/// (<see cref="SparkHashFunctions"/>) in the form Spark hashes them: booleans as 0/1, bytes, shorts, ints and dates
/// (days) as ints, longs and timestamps (microseconds) as longs, floats and doubles by their bits, decimals by their
/// unscaled value (a long up to 18 digits, big-endian bytes beyond), strings by their UTF-8 bytes; arrays fold their
/// elements and structs their fields in order.
/// </summary>
internal static class HashFunctions
{
    /// <summary>Adds this family to <paramref name="registry"/>.</summary>
    public static void Register(FunctionRegistry registry)
    {
        registry.Scalar(c => Render(c, SparkHashFunctions.Murmur3, "CAST(42 AS INTEGER)", "INTEGER"), c => HashTypes.Hash(c, SparkTypes.Integer), "hash");
        registry.Scalar(c => Render(c, SparkHashFunctions.XxHash64, "CAST(42 AS BIGINT)", "BIGINT"), c => HashTypes.Hash(c, SparkTypes.Long), "xxhash64");
    }

    private static string Render(FunctionCall call, Func<string, string> function, string seed, string hashType)
    {
        call.ExpectAtLeast(1);
        HashTypes.RejectMaps(call.Name, call.Arguments.Select(a => a.Type));
        var steps = new HashSteps(function, hashType);
        for (var i = 0; i < call.Count; i++)
        {
            var type = call.SparkTypeOf(i) ?? throw LocalEngineException.Unsupported($"{call.Name} of an argument of unknown type", "Cast the argument to a Spark type.");
            seed = steps.Step(call[i], type, seed, depth: 0);
        }
        return seed;
    }

    /// <summary>Builds one hashing step per value; <c>depth</c> keeps nested helper lambdas' names apart.</summary>
    private sealed class HashSteps(Func<string, string> function, string hashType)
    {
        public string Step(string value, DataType type, string seed, int depth) => type.KindCase switch
        {
            DataType.KindOneofCase.Null => seed,
            DataType.KindOneofCase.Boolean or DataType.KindOneofCase.Byte or DataType.KindOneofCase.Short or DataType.KindOneofCase.Integer =>
                Call("int", $"CAST({value} AS INTEGER)", seed),
            DataType.KindOneofCase.Date => Call("int", $"CAST(({value}) - DATE '1970-01-01' AS INTEGER)", seed),
            DataType.KindOneofCase.Long => Call("long", value, seed),
            DataType.KindOneofCase.Timestamp or DataType.KindOneofCase.TimestampNtz => Call("long", $"epoch_us({value})", seed),
            DataType.KindOneofCase.Float => Call("float", value, seed),
            DataType.KindOneofCase.Double => Call("double", value, seed),
            // DuckDB prints a decimal with all its scale digits, so dropping the point leaves the unscaled value.
            DataType.KindOneofCase.Decimal => SparkTypes.Precision(type) <= 18
                ? Call("long", $"CAST(replace(CAST({value} AS VARCHAR), '.', '') AS BIGINT)", seed)
                : Call("wide", $"CAST(replace(CAST({value} AS VARCHAR), '.', '') AS HUGEINT)", seed),
            DataType.KindOneofCase.String => Call("bytes", $"encode({value})", seed),
            DataType.KindOneofCase.Binary => Call("bytes", value, seed),
            DataType.KindOneofCase.Array => Array(value, type.Array.ElementType, seed, depth),
            DataType.KindOneofCase.Struct => Struct(value, type.Struct, seed, depth),
            _ => throw LocalEngineException.Unsupported($"hashing a value of type {SparkTypes.Name(type)}",
                "Hash its text (cast to string) or its parts instead."),
        };

        private string Call(string kind, string value, string seed) => $"{function(kind)}({value}, {seed})";

        /// <summary>
        /// The elements folded in order: DuckDB's list_reduce needs the accumulator and the elements to share a type, so
        /// each element travels in a <c>{h, e}</c> struct whose <c>h</c> carries the running hash. A null array leaves the seed.
        /// </summary>
        private string Array(string value, DataType element, string seed, int depth)
        {
            var d = depth.ToString(CultureInfo.InvariantCulture);
            string s = $"\"__hs{d}\"", e = $"\"__he{d}\"", acc = $"\"__ha{d}\"", x = $"\"__hx{d}\"";
            var elementType = DuckDbTypeNames.FromSpark(element);
            var wrapped = $"list_transform({value}, lambda {e}: {{'h': CAST(NULL AS {hashType}), 'e': {e}}})";
            var merge = $"lambda {acc}, {x}: {{'h': {Step($"{x}.e", element, $"{acc}.h", depth + 1)}, 'e': CAST(NULL AS {elementType})}}";
            var folded = $"list_reduce({wrapped}, {merge}, {{'h': {s}, 'e': CAST(NULL AS {elementType})}}).h";
            return ArrayFunctions.Let(seed, s, $"coalesce({folded}, {s})");
        }

        /// <summary>The fields in order; a null struct's fields read as null, so it leaves the seed.</summary>
        private string Struct(string value, DataType.Types.Struct type, string seed, int depth)
        {
            var v = $"\"__hv{depth.ToString(CultureInfo.InvariantCulture)}\"";
            var hash = seed;
            foreach (var field in type.Fields)
                hash = Step($"{v}.{SqlIdentifiers.Quote(field.Name)}", field.DataType, hash, depth + 1);
            return ArrayFunctions.Let(value, v, hash);
        }
    }
}
