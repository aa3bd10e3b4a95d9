using Spark.Connect.Local.Planning.Functions;

namespace Spark.Connect.Local.Tests.Planning.Library;

/// <summary>
/// Spark's <c>hash</c> (Murmur3) and <c>xxhash64</c>, whose exact values users compare, and the digests and base64.
/// Expected values are the examples of Spark's own documentation: the <c>ExpressionDescription</c>s in Spark's
/// <c>hash.scala</c> (<c>hash('Spark', array(123), 2)</c>, <c>md5('Spark')</c>, …) and PySpark's <c>hash</c> and
/// <c>xxhash64</c> docstrings (<c>hash(c1)</c> over <c>('ABC', 'DEF')</c>).
/// </summary>
public sealed class HashFunctionTests : LibraryTestBase
{
    [Test]
    public void Hash_and_xxhash64_of_strings_are_sparks_values_and_name_the_column_as_spark_does()
    {
        // PySpark's docstrings: hash('ABC') = -757602832, hash('ABC', 'DEF') = 599895104, xxhash64 4105715581806190027 / 3233247871021311208.
        Assert.That(Value(Fn("hash", Col("c1"))), Is.EqualTo("-757602832"));
        Assert.That(Value(Fn("hash", Col("c1"), Col("c2"))), Is.EqualTo("599895104"));
        Assert.That(Value(Fn("xxhash64", Col("c1"))), Is.EqualTo("4105715581806190027"));
        Assert.That(Value(Fn("xxhash64", Col("c1"), Col("c2"))), Is.EqualTo("3233247871021311208"));
        var field = Field(Fn("hash", Col("c1"), Col("c2")));
        Assert.That((field.Name, field.DataType, field.Nullable), Is.EqualTo(("hash(c1, c2)", SparkTypes.Integer, false)));
        Assert.That(Field(Fn("xxhash64", Col("c1"))).DataType, Is.EqualTo(SparkTypes.Long));
    }

    [Test]
    public void Hash_of_a_string_an_array_and_an_int_is_the_example_in_sparks_documentation()
    {
        // hash.scala: SELECT hash('Spark', array(123), 2) → -1321691492; xxhash64(…) → 5602566077635097486.
        Assert.That(Value(Fn("hash", Lit("Spark"), Fn("array", Lit(123)), Lit(2))), Is.EqualTo("-1321691492"));
        Assert.That(Value(Fn("xxhash64", Lit("Spark"), Fn("array", Lit(123)), Lit(2))), Is.EqualTo("5602566077635097486"));
    }

    [Test]
    public void Nulls_are_skipped_so_a_null_argument_leaves_the_running_hash()
    {
        Assert.That(Value(Fn("hash", Col("c1"), Col("n"))), Is.EqualTo(Value(Fn("hash", Col("c1")))));
        Assert.That(Value(Fn("hash", Col("n"), Col("c1"), Null(SparkTypes.Integer))), Is.EqualTo("-757602832"));
        // Only nulls: the seed itself, 42.
        Assert.That(Value(Fn("hash", Col("n"))), Is.EqualTo("42"));
        Assert.That(Value(Fn("xxhash64", Null(SparkTypes.Long))), Is.EqualTo("42"));
    }

    [Test]
    public void Arrays_fold_their_elements_and_structs_their_fields_with_nulls_skipped()
    {
        // Spark hashes array(123) as 123 hashed with the running hash: the same as the int alone.
        Assert.That(Value(Fn("hash", Fn("array", Lit(123)))), Is.EqualTo(Value(Fn("hash", Lit(123)))));
        Assert.That(Value(Fn("hash", Fn("array", Lit("ABC"), Null(SparkTypes.String), Lit("DEF")))), Is.EqualTo("599895104"));
        Assert.That(Value(Fn("xxhash64", Fn("named_struct", Lit("x"), Col("c1"), Lit("y"), Col("c2")))), Is.EqualTo("3233247871021311208"));
        Assert.That(Value(Fn("hash", Fn("array", Fn("array", Lit("ABC")), Fn("array", Lit("DEF"))))), Is.EqualTo("599895104"), "nested arrays");
    }

    [Test]
    public void Maps_are_refused_as_spark_refuses_them()
    {
        var error = Error(Fn("hash", Col("c1"), Fn("array", Col("m"))));
        Assert.That((error.ErrorClass, error.SqlState), Is.EqualTo(("DATATYPE_MISMATCH.HASH_MAP_TYPE", "42K09")));
    }

    [Test]
    public void Hash_needs_an_argument()
    {
        var error = Error(Fn("hash"));
        Assert.That(error.ErrorClass, Is.EqualTo("WRONG_NUM_ARGS.WITHOUT_SUGGESTION"));
    }

    [Test]
    public void Digests_of_strings_hash_their_utf8_bytes_and_binary_as_is()
    {
        // hash.scala's examples for 'Spark'.
        Assert.That(Value(Fn("md5", Lit("Spark"))), Is.EqualTo("8cde774d6f7333752ed72cacddb05126"));
        Assert.That(Value(Fn("sha1", Lit("Spark"))), Is.EqualTo("85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c"));
        Assert.That(Value(Fn("sha", Col("b"))), Is.EqualTo("85f5955f4b27a9a4c2aab6ffe5d7189fc298b92c"));
        Assert.That(Value(Fn("sha2", Lit("Spark"), Lit(256))), Is.EqualTo("529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b"));
        Assert.That(Value(Fn("sha2", Lit("Spark"), Lit(0))), Is.EqualTo("529bc3b07127ecb7e53a4dcf1991d9152c24537d919178022b2c42657f79a26b"));
        Assert.That(Value(Fn("sha2", Lit("Spark"), Lit(100))), Is.EqualTo("∅"), "an unknown length gives null");
        Assert.That(Value(Fn("crc32", Lit("Spark"))), Is.EqualTo("1557323817"));
        Assert.That(Value(Fn("crc32", Col("b"))), Is.EqualTo("1557323817"));
        Assert.That(Value(Fn("md5", Col("n"))), Is.EqualTo("∅"));
        var field = Field(Fn("crc32", Col("b")));
        Assert.That((field.Name, field.DataType), Is.EqualTo(("crc32(b)", SparkTypes.Long)));
        Assert.That(Error(Fn("md5", Col("i"))).ErrorClass, Is.EqualTo("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE"));
    }

    [Test]
    public void Base64_writes_java_mime_lines_and_unbase64_reads_them_back()
    {
        // stringExpressions.scala: base64('Spark SQL') → U3BhcmsgU1FM; unbase64('U3BhcmsgU1FM') → Spark SQL.
        Assert.That(Value(Fn("base64", Lit("Spark SQL"))), Is.EqualTo("U3BhcmsgU1FM"));
        Assert.That(Value(Fn("unbase64", Lit("U3BhcmsgU1FM"))), Is.EqualTo("Spark SQL"));
        Assert.That(Field(Fn("unbase64", Lit("U3BhcmsgU1FM"))).DataType, Is.EqualTo(SparkTypes.Binary));
        // Spark's default MIME encoder: 76 characters a line, CRLF between lines, none at the end.
        var long58 = Value(Fn("base64", Lit(new string('b', 58))));
        Assert.That(long58.Split("\r\n").Select(l => l.Length), Is.EqualTo(new[] { 76, 4 }));
        Assert.That(Value(Fn("unbase64", Fn("base64", Lit(new string('b', 58))))), Is.EqualTo(new string('b', 58)));
        Assert.That(Value(Fn("unbase64", Lit("U3Bhcms"))), Is.EqualTo("Spark"), "Java's decoder accepts missing padding");
    }
}
