using System.Text.RegularExpressions;
using Google.Protobuf;
using Spark.Connect;
using Spark.Connect.Local.DuckDb;
using Spark.Connect.Local.Planning.Functions;
using Spark.Testing;

namespace Spark.Connect.Local.Tests.Planning;

/// <summary>
/// Plans the official Scala client's golden relation plans (read at test time from
/// <c>tests/Fixtures/spark-golden/queries</c>) and runs them over small tables with the goldens'
/// LocalRelation schemas: the shapes real clients send either run, or fail as unsupported naming the construct.
/// The goldens' inputs are LocalRelations with a schema and no data, which the engine reads as zero rows;
/// to have rows, each is read from the table created here with that schema instead.
/// </summary>
public sealed partial class GoldenPlanTests : PlannerTestBase
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    // The goldens' LocalRelation schemas → tables created in setup.
    private static readonly Dictionary<string, string> Tables = new()
    {
        ["struct<id:bigint,a:int,b:double>"] = "simple",
        ["struct<id:bigint,a:int,b:double,d:struct<id:bigint,a:int,b:double>,e:array<int>,f:map<string,struct<id:bigint,a:int,b:double>>,g:string>"] = "complex",
        ["struct<a:int,id:bigint,payload:binary>"] = "other",
        ["struct<id:bigint,bytes:binary>"] = "binaries",
        ["struct<d:date,t:timestamp,s:string,x:bigint,wt:struct<start:timestamp,end:timestamp>>"] = "dates",
    };

    [SetUp]
    public void CreateGoldenTables()
    {
        Exec("CREATE TABLE simple (id BIGINT, a INTEGER, b DOUBLE)");
        Exec("INSERT INTO simple VALUES (1, 10, 1.5), (2, 20, 2.5), (10, NULL, 3.5)");
        Exec("CREATE TABLE complex (id BIGINT, a INTEGER, b DOUBLE, d STRUCT(id BIGINT, a INTEGER, b DOUBLE), e INTEGER[], f MAP(VARCHAR, STRUCT(id BIGINT, a INTEGER, b DOUBLE)), g VARCHAR)");
        Exec("INSERT INTO complex VALUES (1, 10, 1.5, {'id': 1, 'a': 2, 'b': 3.0}, [1, 2, 3, 4], MAP(['super_duper_key'], [{'id': 7, 'a': 8, 'b': 9.0}]), 'x')");
        Exec("CREATE TABLE other (a INTEGER, id BIGINT, payload BLOB)");
        Exec("INSERT INTO other VALUES (10, 1, 'p'::BLOB), (30, 3, 'q'::BLOB)");
        Exec("CREATE TABLE binaries (id BIGINT, bytes BLOB)");
        Exec("CREATE TABLE dates (d DATE, t TIMESTAMPTZ, s VARCHAR, x BIGINT, wt STRUCT(\"start\" TIMESTAMPTZ, \"end\" TIMESTAMPTZ))");
        Exec("INSERT INTO dates VALUES (DATE '2020-01-02', TIMESTAMPTZ '2020-01-02 03:04:05+00', '2020-01-02', 1230219000, NULL)");
        Exec("CREATE TABLE \"myTable\" (id BIGINT)");
    }

    private static Relation Load(string name)
    {
        var path = RepoPaths.GoldenQuery(name);
        if (!File.Exists(path))
            Assert.Fail($"Golden plan {path} not found; copy it into tests/Fixtures as tests/Fixtures/README.md describes.");
        var json = SchemaOnlyLocalRelation().Replace(File.ReadAllText(path), match =>
            Tables.TryGetValue(match.Groups[1].Value, out var table)
                ? $"\"read\": {{\"namedTable\": {{\"unparsedIdentifier\": \"{table}\"}}}}"
                : throw new AssertionException($"No test table for the golden schema {match.Groups[1].Value}."));
        return Parser.Parse<Relation>(json);
    }

    [GeneratedRegex(@"""localRelation""\s*:\s*\{\s*""schema""\s*:\s*""([^""]*)""\s*\}")]
    private static partial Regex SchemaOnlyLocalRelation();

    [TestCase("alias_string")]
    [TestCase("apply")]
    [TestCase("coalesce")]
    [TestCase("col")]
    [TestCase("column_alias")]
    [TestCase("column_apply")]
    [TestCase("column_asc_nulls_last")]
    [TestCase("column_desc_nulls_first")]
    [TestCase("column_cast")]
    [TestCase("column_getField")]
    [TestCase("column_getItem")]
    [TestCase("column_star")]
    [TestCase("column_star_with_target")]
    [TestCase("column_try_cast")]
    [TestCase("crossJoin")]
    [TestCase("distinct")]
    [TestCase("dropDuplicates_names_seq")]
    [TestCase("drop_multiple_column")]
    [TestCase("drop_single_string")]
    [TestCase("except")]
    [TestCase("exceptAll")]
    [TestCase("filter")]
    [TestCase("hint")]
    [TestCase("intersect")]
    [TestCase("intersectAll")]
    [TestCase("join_condition")]
    [TestCase("join_inner_condition")]
    [TestCase("join_inner_no_condition")]
    [TestCase("join_inner_using_multiple_col_seq")]
    [TestCase("join_using_multiple_col_array")]
    [TestCase("join_using_multiple_col_seq")]
    [TestCase("join_using_single_col")]
    [TestCase("limit")]
    [TestCase("offset")]
    [TestCase("orderBy_columns")]
    [TestCase("range")]
    [TestCase("read_table")]
    [TestCase("repartition")]
    [TestCase("repartition_expressions")]
    [TestCase("select_strings")]
    [TestCase("sortWithinPartitions_columns")]
    [TestCase("test_broadcast")]
    [TestCase("toDF")]
    [TestCase("union")]
    [TestCase("unionAll")]
    [TestCase("unionByName")]
    [TestCase("unionByName_allowMissingColumns")]
    [TestCase("where_column")]
    [TestCase("withColumnRenamed_scala_map")]
    [TestCase("withColumns_java_map")]
    [TestCase("withMetadata")]
    [TestCase("describe")]
    [TestCase("summary")]
    [TestCase("drop")]
    [TestCase("fill")]
    [TestCase("replace")]
    [TestCase("melt_values")]
    [TestCase("melt_no_values")]
    [TestCase("unpivot_values")]
    [TestCase("unpivot_no_values")]
    [TestCase("sample_fraction_seed")]
    [TestCase("to")]
    [TestCase("function_transform")]
    [TestCase("function_transform_with_index")]
    [TestCase("function_exists")]
    [TestCase("function_forall")]
    [TestCase("function_filter")]
    [TestCase("function_filter_with_pair_input")]
    [TestCase("function_aggregate")]
    [TestCase("function_aggregate_with_finish_lambda")]
    [TestCase("function_reduce")]
    [TestCase("function_array_contains")]
    [TestCase("function_array_distinct")]
    [TestCase("function_array_except")]
    [TestCase("function_array_intersect")]
    [TestCase("function_array_union")]
    [TestCase("function_array_join")]
    [TestCase("function_array_join_with_null_replacement")]
    [TestCase("function_array_max")]
    [TestCase("function_array_min")]
    [TestCase("function_array_sort")]
    [TestCase("function_array_sort_with_comparator")]
    [TestCase("function_sort_array")]
    [TestCase("function_element_at")]
    [TestCase("function_try_element_at_array")]
    [TestCase("function_try_element_at_map")]
    [TestCase("function_size")]
    [TestCase("function_map_keys")]
    [TestCase("function_map_values")]
    [TestCase("function_map_contains_key")]
    [TestCase("function_get")]
    [TestCase("column_dropFields")]
    [TestCase("crosstab")]
    [TestCase("function_transform_values")]
    [TestCase("function_concat")]
    [TestCase("function_flatten")]
    public void GoldenPlanRuns(string golden)
    {
        var relation = Load(golden);
        Assert.DoesNotThrow(() => Rows(relation));
    }

    [TestCase("colRegex", "regex")]
    [TestCase("read_orc", "orc")]
    [TestCase("read_jdbc_with_predicates", "jdbc")]
    [TestCase("sample_withReplacement_fraction_seed", "sampling with replacement")]
    public void GoldenPlanIsUnsupportedNamingTheConstruct(string golden, string construct)
    {
        var error = PlanError(Load(golden));
        Assert.That(error.ErrorClass, Is.EqualTo("UNSUPPORTED_FEATURE.LOCAL_ENGINE"));
        Assert.That(error.Message, Does.Contain(construct));
    }

    [TestCase("function_transform_with_index", "[1, 3, 5, 7]")]
    [TestCase("function_aggregate_with_finish_lambda", "12")]
    [TestCase("function_filter_with_pair_input", "[]")]
    [TestCase("function_array_join_with_null_replacement", "1;2;3;4")]
    [TestCase("function_try_element_at_array", null)]
    [TestCase("function_map_keys", "[super_duper_key]")]
    [TestCase("function_reverse", "[4, 3, 2, 1]")]
    [TestCase("function_array_position", "0")]
    [TestCase("function_zip_with", "[2, 4, 6, 8]")]
    [TestCase("function_map_filter", "{}")]
    [TestCase("function_map_entries", "[{'key': super_duper_key, 'value': {'id': 7, 'a': 8, 'b': 9.0}}]")]
    [TestCase("function_transform_keys", "{super_duper_key7={'id': 7, 'a': 8, 'b': 9.0}}")]
    public void GoldenLambdaAndArrayResultsAreSparks(string golden, string? expected) =>
        Assert.That(Rows(Load(golden)).Single()[0], Is.EqualTo(expected));

    /// <summary>
    /// The function-library goldens run, and where Spark's analyzed name (the golden's explain file) has no implicit cast
    /// in it (<c>md5(CAST(g AS BINARY))</c>: the engine's names don't show Spark's implicit casts), the column has that name.
    /// </summary>
    [TestCase("function_struct", "struct(a, d)")]
    [TestCase("function_hash", "hash(b, id)")]
    [TestCase("function_xxhash64", "xxhash64(id, a, d, g)")]
    [TestCase("function_md5", null)]
    [TestCase("function_sha1", null)]
    [TestCase("function_sha2", null)]
    [TestCase("function_crc32", null)]
    [TestCase("function_base64", null)]
    [TestCase("function_array_append", "array_append(e, 1)")]
    [TestCase("function_array_prepend", "array_prepend(e, 1)")]
    [TestCase("function_array_remove", "array_remove(e, 314)")]
    [TestCase("function_array_compact", "array_compact(e)")]
    [TestCase("function_array_repeat", "array_repeat(a, 10)")]
    [TestCase("function_arrays_overlap", "arrays_overlap(e, array(1, 2))")]
    [TestCase("function_map_from_arrays", "map_from_arrays(array(1, 2), array(one, two))")]
    [TestCase("function_map_from_entries", null)]
    [TestCase("function_map_concat", "map_concat(f, map(foo, struct(12 AS id, 68 AS a, 2.718281828459045 AS b)))")]
    [TestCase("function_map_entries", "map_entries(f)")]
    [TestCase("function_levenshtein", "levenshtein(g, bob)")]
    [TestCase("function_levenshtein_with_threshold", "levenshtein(g, bob, 2)")]
    [TestCase("function_translate", "translate(g, foo, bar)")]
    [TestCase("function_overlay", "overlay(b, foo, 4, -1)")]
    [TestCase("function_overlay_with_len", "overlay(b, foo, 4, 3)")]
    [TestCase("function_split_part", "split_part(g, g, a)")]
    [TestCase("function_substring_index", "substring_index(g, ;, 5)")]
    [TestCase("function_find_in_set", "find_in_set(g, g)")]
    [TestCase("function_try_add", "try_add(a, a)")]
    [TestCase("function_try_subtract", "try_subtract(a, a)")]
    [TestCase("function_try_multiply", "try_multiply(a, a)")]
    [TestCase("function_try_divide", "try_divide(a, a)")]
    public void GoldenLibraryCallsRunWithSparksNames(string golden, string? sparkName)
    {
        var relation = Load(golden);
        Assert.DoesNotThrow(() => Rows(relation));
        if (sparkName is not null)
            Assert.That(Plan(relation).Schema!.Struct.Fields.Single().Name, Is.EqualTo(sparkName));
    }

    [Test]
    public void GoldenEltAndUnbase64FailOnTheTestRowAsSparkWould()
    {
        // complex's row has a = 10 and g = 'x': elt(10, g, g) is outside its two inputs (ANSI: INVALID_ARRAY_INDEX), and
        // 'x' is no base64 (Java's decoder rejects a lone last character).
        var elt = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Rows(Load("function_elt")))!;
        Assert.That(SparkRuntimeErrorsClass(elt), Is.EqualTo("INVALID_ARRAY_INDEX"));
        Assert.That(Plan(Load("function_elt")).Schema!.Struct.Fields.Single().Name, Is.EqualTo("elt(a, g, g)"));
        Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Rows(Load("function_unbase64")));
    }

    private static string? SparkRuntimeErrorsClass(Exception failure) =>
        Spark.Connect.Local.Planning.Functions.SparkRuntimeErrors.TryTranslate(failure.Message)?.ErrorClass;

    [Test]
    public void GoldenSliceFromZeroRaisesSparksStartError()
    {
        // slice(e, 0, 5): Spark's array indexes start at 1, so start 0 fails at run time (INVALID_PARAMETER_VALUE.START).
        var failure = Assert.Throws<DuckDbException>(() => Rows(Load("function_slice")))!;
        Assert.That(SparkRuntimeErrors.TryTranslate(failure.Message)?.ErrorClass, Is.EqualTo("INVALID_PARAMETER_VALUE.START"));
    }

    [Test]
    public void GoldenRaiseErrorFailsWithTheUsersMessage()
    {
        var failure = Assert.Throws<Spark.Connect.Local.DuckDb.DuckDbException>(() => Rows(Load("function_raise_error")))!;
        var error = Spark.Connect.Local.Planning.Functions.SparkRuntimeErrors.TryTranslate(failure.Message);
        Assert.That(error?.ErrorClass, Is.EqualTo("USER_RAISED_EXCEPTION"));
        Assert.That(error!.Message, Is.EqualTo("kaboom"));
    }

    [Test]
    public void GoldenJoinResultsAreSparks()
    {
        // left.as("l").join(right.as("r"), l.a === r.a): simple(a = 10) meets other(a = 10).
        Assert.That(Lines(Load("join_inner_condition")), Is.EqualTo(new[] { "1|10|1.5|10|1|p" }));
        // left.join(right, "id", "left_semi"): ids 1 (and not 2, 10) exist on the right.
        Assert.That(Lines(Load("join_using_single_col")), Is.EqualTo(new[] { "1|10|1.5" }));
        Assert.That(Columns(Load("join_inner_using_multiple_col_seq")), Is.EqualTo(new[] { "id", "a", "b", "payload" }));
    }

    [Test]
    public void GoldenMissingDataAndReshapeResultsAreSparks()
    {
        // simple: (1, 10, 1.5), (2, 20, 2.5), (10, NULL, 3.5).
        // df.to(b double, id int): reordered and cast.
        Assert.That(Lines(Load("to")), Is.EqualTo(new[] { "1.5|1", "2.5|2", "3.5|10" }));
        // df.melt(ids = a, values = id): one row per input row.
        Assert.That(Lines(Load("melt_values")), Is.EqualTo(new[] { "10|id|1", "20|id|2", "∅|id|10" }));
        // df.na.drop(minNonNulls = 5, cols = id, a): two columns can never hold five values.
        Assert.That(Lines(Load("drop")), Is.Empty);
        // df.summary("mean", "min") over id, a, b.
        Assert.That(Lines(Load("summary")), Is.EqualTo(new[] { "mean|4.333333333333333|15.0|2.5", "min|1|10|1.5" }));
    }

    /// <summary>
    /// The generator goldens: Spark's analyzed plans (the goldens' explain files) name the Generate's columns, and the
    /// engine gives the same names and one row per element of complex's row (e = [1, 2, 3, 4]; f holds one entry;
    /// g = 'x' is no JSON, so json_tuple gives one row of nulls; stack(2, g, g, g) makes two rows).
    /// </summary>
    [TestCase("function_posexplode", "pos,col", 4)]
    [TestCase("function_posexplode_outer", "pos,col", 4)]
    [TestCase("function_explode", "col", 4)]
    [TestCase("function_explode_outer", "col", 4)]
    [TestCase("function_inline", "id,a,b", 1)]
    [TestCase("function_inline_outer", "id,a,b", 1)]
    [TestCase("function_stack", "col0,col1", 2)]
    [TestCase("function_json_tuple", "c0,c1,c2", 1)]
    public void GoldenGeneratorsNameTheirColumnsAsSpark(string golden, string columns, int rows)
    {
        var relation = Load(golden);
        Assert.That(string.Join(",", Columns(relation)), Is.EqualTo(columns));
        Assert.That(Rows(relation), Has.Count.EqualTo(rows));
    }

    /// <summary>The scalar and aggregate goldens of this family run and carry Spark's analyzed column names.</summary>
    [TestCase("function_bit_count", "bit_count(a)")]
    [TestCase("function_bit_get", "bit_get(a, 0)")]
    [TestCase("function_getbit", "getbit(a, 0)")]
    [TestCase("function_nanvl", "nanvl(NaN, a)")]
    [TestCase("function_covar_pop", "covar_pop(a, b)")]
    [TestCase("function_covar_samp", "covar_samp(a, b)")]
    [TestCase("function_kurtosis", "kurtosis(a)")]
    [TestCase("function_skewness", "skewness(a)")]
    [TestCase("function_regr_avgx", "regr_avgx(a, b)")]
    [TestCase("function_regr_avgy", "regr_avgy(a, b)")]
    [TestCase("function_regr_count", "regr_count(a, b)")]
    [TestCase("function_regr_intercept", "regr_intercept(a, b)")]
    [TestCase("function_regr_r2", "regr_r2(a, b)")]
    [TestCase("function_regr_slope", "regr_slope(a, b)")]
    [TestCase("function_regr_sxx", "regr_sxx(a, b)")]
    [TestCase("function_regr_sxy", "regr_sxy(a, b)")]
    [TestCase("function_regr_syy", "regr_syy(a, b)")]
    [TestCase("function_try_sum", "try_sum(a)")]
    [TestCase("function_try_avg", "try_avg(a)")]
    [TestCase("function_json_array_length", "json_array_length(g)")]
    [TestCase("function_json_object_keys", "json_object_keys(g)")]
    [TestCase("width_bucket", "width_bucket(b, b, b, a)")]
    [TestCase("function_make_date", "make_date(2018, 5, 14)")]
    [TestCase("function_date_from_unix_date", "date_from_unix_date(10)")]
    [TestCase("function_unix_date", "unix_date(to_date(s, yyyy-MM-dd))")]
    [TestCase("function_timestamp_seconds", "timestamp_seconds(x)")]
    [TestCase("function_timestamp_millis", "timestamp_millis(x)")]
    [TestCase("function_timestamp_micros", "timestamp_micros(x)")]
    public void GoldenFunctionLibraryCallsRunWithSparksNames(string golden, string sparkName)
    {
        Functions = null; // the real catalog's declared types (to_date's bound format can't be probed over NULLs)
        var relation = Load(golden);
        Assert.DoesNotThrow(() => Rows(relation));
        Assert.That(Plan(relation).Schema!.Struct.Fields.Single().Name, Is.EqualTo(sparkName));
    }

    [Test]
    public void GoldenArrayInsertAtZeroRaisesSparksIndexError()
    {
        // array_insert(e, 0, 1): positions count from 1 (or -1), so 0 fails on complex's row.
        var failure = Assert.Throws<DuckDbException>(() => Rows(Load("function_array_insert")))!;
        Assert.That(SparkRuntimeErrors.TryTranslate(failure.Message)?.ErrorClass, Is.EqualTo("INVALID_INDEX_OF_ZERO"));
        Assert.That(Plan(Load("function_array_insert")).Schema!.Struct.Fields.Single().Name, Is.EqualTo("array_insert(e, 0, 1)"));
    }
}
