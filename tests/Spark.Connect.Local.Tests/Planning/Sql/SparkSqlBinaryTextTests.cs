using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Sql;

/// <summary>
/// Text and bytes in Spark SQL: hex/unhex, to_binary and try_to_binary, encode/decode (and decode's CASE form), padding
/// and searching bytes, split with a limit, left/right as function names, and the column names Spark gives these calls.
/// </summary>
public sealed class SparkSqlBinaryTextTests : SparkSqlTestBase
{
    [Test]
    public void HexAndUnhexRoundTripBytesAndReadOddHexAsLeadingZero()
    {
        Assert.That(Query("SELECT hex(unhex('aabb')), hex(unhex('123')), hex(unhex('')), unhex('GG') IS NULL, hex('abc'), hex(255)"),
            Is.EqualTo(new[] { "AABB|0123||true|616263|FF" }));
        Assert.That(Schema("SELECT unhex('aa') AS b, hex(1) AS h"), Is.EqualTo(new[] { "b:binary", "h:string" }));
    }

    [Test]
    public void BinaryPaddingPadsAndCutsBytes()
    {
        Assert.That(Query("SELECT hex(lpad(unhex('aabb'), 5)), hex(rpad(unhex('aa'), 5, unhex('1f2e'))), hex(lpad(unhex('aabbcc'), 2)), hex(rpad(unhex('aabbcc'), 6, unhex('')))"),
            Is.EqualTo(new[] { "000000AABB|AA1F2E1F2E|AABB|AABBCC" }));
        Assert.That(Schema("SELECT lpad(unhex('aa'), 3) AS b, lpad('abc', 5, x'57') AS s"), Is.EqualTo(new[] { "b:binary", "s:string" }));
        Assert.That(Query("SELECT lpad('abc', 5, x'57'), rpad(x'57', 5, 'abc')"), Is.EqualTo(new[] { "WWabc|Wabca" }));
    }

    [Test]
    public void ToBinaryReadsHexUtf8AndBase64()
    {
        Assert.That(Query("SELECT hex(to_binary('737472696E67')), hex(to_binary('abc', 'utf-8')), hex(to_binary(' ab c=', 'base64')), hex(to_binary('abc', concat('utf', '-8')))"),
            Is.EqualTo(new[] { "737472696E67|616263|69B7|616263" }));
        Assert.That(Query("SELECT to_binary('abc', null) IS NULL, try_to_binary('GG') IS NULL, try_to_binary('a', 'base64') IS NULL"),
            Is.EqualTo(new[] { "true|true|true" }));
    }

    [TestCase("SELECT to_binary('GG')")]
    [TestCase("SELECT to_binary('abcd=', 'base64')")]
    [TestCase("SELECT to_binary(' ab cdef= = ', 'base64')")]
    public void MalformedToBinaryInputIsConversionInvalidInput(string query) =>
        Assert.That(RuntimeErrorClass(query), Is.EqualTo("CONVERSION_INVALID_INPUT"));

    [Test]
    public void ToBinaryRefusesAnUnknownFormat() =>
        Assert.That(QueryError("SELECT to_binary('abc', 'invalidFormat')").ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE.BINARY_FORMAT"));

    [Test]
    public void EncodeDecodeAndDecodesCaseForm()
    {
        Assert.That(Query("SELECT decode(encode('abc', 'utf-8'), 'UTF-8'), btrim(encode('yxTomxx', 'utf-8'), encode('xyz', 'utf-8'))"), Is.EqualTo(new[] { "abc|Tom" }));
        Assert.That(Query("SELECT decode(2, 1, 'a', 2, 'b', 'c'), decode(6, 1, 'a', 'c'), decode(6, 1, 'a') IS NULL, decode(null, 6, 'x', null, 'y')"),
            Is.EqualTo(new[] { "b|c|true|y" }));
        Assert.That(QueryError("SELECT encode('abc', 'klingon')").ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE.CHARSET"));
    }

    [Test]
    public void ContainsStartsAndEndsWithCompareWholeBytes()
    {
        // 0x12 0x34 holds the hex digits "23" across a byte boundary: not the byte 0x23.
        Assert.That(Query("SELECT contains(x'1234', x'23'), contains(x'537061726b', x'6172'), contains(x'', x''), startswith(x'5370', x'53'), endswith(x'5370', x'53'), contains(12, '1')"),
            Is.EqualTo(new[] { "false|true|true|true|false|true" }));
        Assert.That(Query("SELECT contains(x'12', null) IS NULL"), Is.EqualTo(new[] { "true" }));
    }

    [Test]
    public void SplitWithAPositiveLimitKeepsTheRestInTheLastPart()
    {
        Assert.That(Query("SELECT split('aa1cc2ee3', '[1-9]+', 2), split('a1b2c', '[0-9]', 1), split('a1b', '[0-9]', 5), split('abc', null) IS NULL"),
            Is.EqualTo(new[] { "[aa, cc2ee3]|[a1b2c]|[a, b]|true" }));
    }

    [Test]
    public void LeftAndRightAreFunctionNames()
    {
        Assert.That(Query("SELECT left('abcd', 2), right('abcd', '2'), right(null, -2) IS NULL, right('abcd', -2)"), Is.EqualTo(new[] { "ab|cd|true|" }));
        Assert.That(RuntimeErrorClass("SELECT right('abcd', 'a')"), Is.EqualTo("CAST_INVALID_INPUT"));
    }

    [Test]
    public void ColumnNamesShowSparksDefaultArguments() =>
        Assert.That(Schema("SELECT split('a', 'b'), substr('abc', 2), substring('abc' FROM 2), replace('a', 'b'), position('b' IN 'abc'), lpad('a', 2), lpad(unhex('aa'), 2), trim('x' FROM 'xax'), trim(LEADING 'x' FROM 'xa'), rtrim('x', 'ax'), x'1f'"),
            Is.EqualTo(new[]
            {
                "split(a, b, -1):array<string>", "substr(abc, 2, 2147483647):string", "substring(abc, 2, 2147483647):string", "replace(a, b, ):string",
                "locate(b, abc, 1):int", "lpad(a, 2,  ):string", "lpad(unhex(aa), 2, X'00'):binary", "TRIM(BOTH x FROM xax):string",
                "TRIM(LEADING x FROM xa):string", "TRIM(TRAILING x FROM ax):string", "X'1F':binary",
            }));

    // Failures found while the query runs come back from DuckDB; the service translates them to Spark's class.
    private string? RuntimeErrorClass(string query) =>
        SparkRuntimeErrors.TryTranslate(Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Query(query))!.Message)?.ErrorClass;

    [Test]
    public void ConcatWsAndFormatStringWithoutArgumentsAreATypeMismatch()
    {
        Assert.That(QueryError("SELECT concat_ws()").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.WRONG_NUM_ARGS"));
        Assert.That(QueryError("SELECT format_string()").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.WRONG_NUM_ARGS"));
    }

    [Test]
    public void ToNumberReadsDigitsGroupsSignsAndCurrency()
    {
        Assert.That(Query("SELECT to_number('454', '000'), to_number('12,454', '00,000'), to_number('$78.12', '$00.00'), to_number('-454', 'S000'), to_number('12,454.8-', '00,000.9MI'), to_number('<00,454.8>', '00,000.9PR'), to_number('4', '999')"),
            Is.EqualTo(new[] { "454|12454|78.12|-454|-12454.8|-454.8|4" }));
        Assert.That(Schema("SELECT to_number('454.2', '000.0') AS a, try_to_number('1', '00,000.9MI') AS b"), Is.EqualTo(new[] { "a:decimal(4,1)", "b:decimal(6,1)" }));
    }

    [TestCase("SELECT to_number('1,23', '00,000')")]
    [TestCase("SELECT to_number('4544', '000')")]
    [TestCase("SELECT to_number('4.55', '0.0')")]
    public void ToNumberRefusesTextOffTheFormat(string query)
    {
        Assert.That(RuntimeErrorClass(query), Is.EqualTo("INVALID_FORMAT.MISMATCH_INPUT"));
        Assert.That(Query(query.Replace("to_number", "try_to_number", StringComparison.Ordinal) + " IS NULL"), Is.EqualTo(new[] { "true" }));
    }

    [Test]
    public void ToJsonWritesStructsArraysAndMapsAsSparkDoes()
    {
        Assert.That(Query("SELECT to_json(named_struct('a', 1, 'b', 'x\"y')), to_json(array(map('a', 1), map('b', 2))), to_json(named_struct('a', 1, 'b', CAST(NULL AS INT))), to_json(array(1, null)), to_json(map(1, named_struct('d', DATE '2024-01-02'))), to_json(array(1.50BD))"),
            Is.EqualTo(new[] { "{\"a\":1,\"b\":\"x\\\"y\"}|[{\"a\":1},{\"b\":2}]|{\"a\":1}|[1,null]|{\"1\":{\"d\":\"2024-01-02\"}}|[1.50]" }));
        Assert.That(Schema("SELECT to_json(array('1'))"), Is.EqualTo(new[] { "to_json(array(1)):string" }));
    }

    [Test]
    public void ToJsonRefusesWhatItWouldWriteDifferently()
    {
        Assert.That(QueryError("SELECT to_json(array(1.5D))").ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(QueryError("SELECT to_json(map('a', 1), map('mode', 'x'))").ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(QueryError("SELECT to_json(1)").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
    }

    [Test]
    public void JsonTupleTakesACastNullFieldNameAsNull() =>
        Assert.That(Query("SELECT json_tuple('{\"a\" : 1, \"b\" : 2}', CAST(NULL AS STRING), 'b', CAST(NULL AS STRING), 'a')"), Is.EqualTo(new[] { "∅|2|∅|1" }));

    [Test]
    public void FromJsonReadsStructsArraysAndMapsByADdlSchema()
    {
        Assert.That(Query("SELECT from_json('{\"a\":1, \"b\":\"x\"}', 'a INT, b STRING, c DOUBLE'), from_json('[1, 2, null]', 'array<int>'), from_json('{\"a\": 1}', 'array<struct<a:int>>'), from_json('{\"k.q\":{\"d\":\"2024-01-02\"}}', 'map<string, struct<d:date>>')"),
            Is.EqualTo(new[] { "{'a': 1, 'b': x, 'c': NULL}|[1, 2, NULL]|[{'a': 1}]|{k.q={'d': 2024-01-02}}" }));
        Assert.That(Schema("SELECT from_json('[1]', 'array<int>')"), Is.EqualTo(new[] { "from_json([1]):array<int>" }));
    }

    [TestCase("SELECT from_json('[1, \"2\", 3]', 'array<int>')")]
    [TestCase("SELECT from_json('{\"a\":', 'a INT')")]
    public void FromJsonStopsWhereSparkWouldReadNull(string query) =>
        Assert.That(RuntimeErrorClass(query), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));

    [Test]
    public void MapContainsKeyWidensNumbersButNeverPromotesToString()
    {
        Assert.That(Query("SELECT map_contains_key(map(1, 'a', 2, 'b'), 1.0), map_contains_key(map(1.0, 'a', 2, 'b'), 5)"), Is.EqualTo(new[] { "true|false" }));
        Assert.That(QueryError("SELECT map_contains_key(map('1', 'a', '2', 'b'), 1)").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES"));
        Assert.That(QueryError("SELECT map_contains_key(map(1, 'a', 2, 'b'), '1')").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES"));
    }

    [Test]
    public void ComputedJsonPathsReadOneTopLevelField()
    {
        Assert.That(Query("SELECT json_tuple(j, 'b', CAST(NULL AS STRING), f) FROM VALUES ('{\"a\": 1, \"b\": 2}', 'a') AS t(j, f)"), Is.EqualTo(new[] { "2|∅|1" }));
        Assert.That(Query("SELECT get_json_object(j, p) FROM VALUES ('{\"a.b\": {\"c\": 1}}', \"$['a.b']\"), ('{\"x\": \"y\"}', '$.x'), ('{\"x\": 1}', NULL) AS t(j, p)"),
            Is.EqualTo(new[] { "{\"c\":1}", "y", "∅" }));
        Assert.That(RuntimeErrorClass("SELECT get_json_object(j, p) FROM VALUES ('{\"a\": [1]}', '$.a[0]') AS t(j, p)"), Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
    }

    [Test]
    public void SchemaOfJsonInfersSparksTypesWithSortedFields()
    {
        Assert.That(Query("SELECT schema_of_json('{\"c2\":[1, 2.5], \"c1\":0, \"c3\":{\"x\":null}, \"c4\":[1, \"a\"], \"c5\":99999999999999999999}')"),
            Is.EqualTo(new[] { "STRUCT<`c1`: BIGINT, `c2`: ARRAY<DOUBLE>, `c3`: STRUCT<`x`: STRING>, `c4`: ARRAY<STRING>, `c5`: DECIMAL(20,0)>" }));
        Assert.That(Query("SELECT schema_of_json('[{\"col\":true}]'), schema_of_json('{\"c1\":1}', map('primitivesAsString', 'true'))"),
            Is.EqualTo(new[] { "ARRAY<STRUCT<`col`: BOOLEAN>>|STRUCT<`c1`: STRING>" }));
        Assert.That(Query("SELECT from_json('{\"c1\":[1, 2, 3]}', schema_of_json('{\"c1\":[0]}'))"), Is.EqualTo(new[] { "{'c1': [1, 2, 3]}" }));
        Assert.That(Schema("SELECT schema_of_json('{}', map('primitivesAsString', 'true'))"), Is.EqualTo(new[] { "schema_of_json({}):string" }));
        Assert.That(QueryError("SELECT schema_of_json(null)").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_NULL"));
        Assert.That(QueryError("SELECT schema_of_json(name) FROM people").ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT"));
    }
}
