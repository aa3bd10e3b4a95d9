using Spark.Connect.Transport;
using Spark.Linq.Testing;

namespace Spark.Connect.Local.Tests.Server;

public sealed class SessionRpcTests : LocalServerTestBase
{
    [Test]
    public async Task Schema_is_a_spark_struct_of_the_result_columns()
    {
        var client = NewClient();
        var schema = await client.SchemaAsync(Sql("SELECT 1::INTEGER AS a, 'x' AS b, 1.5::DECIMAL(5,1) AS c, TIMESTAMP_NTZ '2024-01-01 00:00:00' AS t"));

        var fields = schema.Struct.Fields;
        Assert.That(fields.Select(f => f.Name), Is.EqualTo(new[] { "a", "b", "c", "t" }));
        Assert.That(fields[0].DataType.KindCase, Is.EqualTo(DataType.KindOneofCase.Integer));
        Assert.That(fields[1].DataType.KindCase, Is.EqualTo(DataType.KindOneofCase.String));
        Assert.That((fields[2].DataType.Decimal.Precision, fields[2].DataType.Decimal.Scale), Is.EqualTo((5, 1)));
        Assert.That(fields[3].DataType.KindCase, Is.EqualTo(DataType.KindOneofCase.TimestampNtz));
    }

    [Test]
    public async Task Tree_string_looks_like_print_schema()
    {
        var client = NewClient();
        var tree = await client.TreeStringAsync(Sql("SELECT 1::BIGINT AS id, array(1, CAST(NULL AS INT)) AS xs"));

        Assert.That(tree, Is.EqualTo(
            "root\n |-- id: long (nullable = false)\n |-- xs: array (nullable = false)\n |    |-- element: integer (containsNull = true)\n"));
    }

    [Test]
    public async Task Explain_shows_duckdb_plan_of_the_query()
    {
        Server.CreateTable("numbers", Enumerable.Range(0, 10).Select(i => new { Value = i }));
        var client = NewClient();
        var explain = await client.ExplainAsync(Sql("SELECT sum(Value) FROM numbers"));

        Assert.That(explain, Does.Contain("Physical Plan"));
        Assert.That(explain, Does.Contain("numbers").IgnoreCase);
        Assert.That(explain, Does.Contain("AGGREGATE").IgnoreCase);
    }

    [Test]
    public async Task Spark_version_identifies_the_local_engine()
    {
        var client = NewClient();
        var version = await client.SparkVersionAsync();
        Assert.That(version, Does.StartWith("4.").And.Contain("local"));
    }

    [Test]
    public async Task Ddl_parse_then_an_empty_local_relation_gives_typed_zero_rows_as_PySparks_createDataFrame_does()
    {
        var client = NewClient();
        var parsed = await client.ParseDdlAsync("a INT, b STRING NOT NULL");
        Assert.That(parsed.Struct.Fields.Select(f => (f.Name, f.DataType.KindCase, f.Nullable)),
            Is.EqualTo(new[] { ("a", DataType.KindOneofCase.Integer, true), ("b", DataType.KindOneofCase.String, false) }));
        Assert.That((await client.ParseDdlAsync("bigint")).KindCase, Is.EqualTo(DataType.KindOneofCase.Long));
        var error = await Assert.ThrowsAsync<SparkException>(() => client.ParseDdlAsync("a WIDGET"));
        Assert.That(error!.ErrorClass, Is.EqualTo("PARSE_SYNTAX_ERROR"));

        const string schema = "{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{}}]}";
        var empty = new Plan { Root = new Relation { LocalRelation = new LocalRelation { Schema = schema } } };
        Assert.That(await RowsAsync(client, empty), Is.Empty);
        Assert.That((await client.SchemaAsync(empty)).Struct.Fields.Select(f => (f.Name, f.DataType.KindCase)),
            Is.EqualTo(new[] { ("a", DataType.KindOneofCase.Integer) }));
    }

    [Test]
    public async Task Semantic_hash_and_same_semantics_compare_planned_queries()
    {
        var client = NewClient();
        var a = Sql("SELECT 1 AS x");
        var b = Sql("SELECT 2 AS x");

        Assert.That(await client.SemanticHashAsync(a), Is.EqualTo(await client.SemanticHashAsync(Sql("SELECT 1 AS x"))));
        Assert.That(await client.SameSemanticsAsync(a, Sql("SELECT 1 AS x")), Is.True);
        Assert.That(await client.SameSemanticsAsync(a, b), Is.False);
    }

    [Test]
    public async Task Config_is_per_session_with_defaults()
    {
        var first = NewClient();
        var second = NewClient();
        await first.SetConfigAsync("spark.test.mine", "1");

        Assert.That(await first.GetConfigAsync("spark.test.mine"), Is.EqualTo("1"));
        Assert.That((await second.GetAllConfigAsync("spark.test.")).ContainsKey("spark.test.mine"), Is.False);
        Assert.That(await second.GetConfigAsync("spark.sql.session.timeZone"), Is.EqualTo("UTC"));

        await first.UnsetConfigAsync(["spark.test.mine"]);
        Assert.That((await first.GetAllConfigAsync("spark.test.")).ContainsKey("spark.test.mine"), Is.False);
    }

    [Test]
    public async Task The_session_time_zone_reaches_duckdb_per_session()
    {
        var first = NewClient();
        var second = NewClient();
        await first.SetConfigAsync("spark.sql.session.timeZone", "America/New_York");

        // A wall-clock time read as a timestamp is an instant in the session's zone: 12:00 in New York is 17:00 UTC.
        const string Noon = "SELECT CAST(TIMESTAMP_NTZ '2024-01-01 12:00:00' AS TIMESTAMP) AS t";
        var newYork = (long)(await RowsAsync(first, Sql(Noon))).Single()[0]!;
        var utc = (long)(await RowsAsync(second, Sql(Noon))).Single()[0]!;
        Assert.That(TimeSpan.FromMicroseconds(newYork - utc), Is.EqualTo(TimeSpan.FromHours(5)));

        await first.SetConfigAsync("spark.sql.session.timeZone", "Not/AZone");
        var error = await Assert.ThrowsAsync<SparkException>(() => RowsAsync(first, Sql("SELECT 1")));
        Assert.That(error!.ErrorClass, Is.EqualTo("INVALID_CONF_VALUE.TIME_ZONE"));
    }

    [Test]
    public async Task Getting_an_unset_config_fails_with_spark_class_and_get_option_returns_none()
    {
        var client = NewClient();
        var error = await Assert.ThrowsAsync<SparkException>(() => client.GetConfigAsync("spark.test.never"));
        Assert.That(error!.ErrorClass, Is.EqualTo("SQL_CONF_NOT_FOUND"));

        var option = await client.ConfigAsync(new ConfigRequest.Types.Operation
        {
            GetOption = new ConfigRequest.Types.GetOption { Keys = { "spark.test.never" } },
        });
        Assert.That(option.Pairs.Single().HasValue, Is.False);
    }

    [Test]
    public async Task Released_session_id_is_refused_afterwards()
    {
        var client = NewClient();
        await client.SetConfigAsync("spark.test.x", "1");
        await client.ReleaseSessionAsync();

        Assert.That(Server.Service.Sessions.All, Is.Empty);
        var error = await Assert.ThrowsAsync<SparkException>(() => client.GetConfigAsync("spark.test.x"));
        Assert.That(error!.ErrorClass, Is.EqualTo("INVALID_HANDLE.SESSION_CLOSED"));
    }

    [Test]
    public async Task Reconnecting_after_release_gets_a_new_server_side_session_and_a_stale_one_is_detected()
    {
        var transport = NewTransport();
        var sessionId = Guid.NewGuid().ToString();
        var config = new ConfigRequest
        {
            SessionId = sessionId,
            Operation = new ConfigRequest.Types.Operation { Set = new ConfigRequest.Types.Set { Pairs = { new KeyValue { Key = "k", Value = "v" } } } },
        };
        var first = await transport.UnaryCallAsync(SparkConnectMethods.Config, config, GrpcCallOptions.Default, default);
        await transport.UnaryCallAsync(SparkConnectMethods.ReleaseSession,
            new ReleaseSessionRequest { SessionId = sessionId, AllowReconnect = true }, GrpcCallOptions.Default, default);

        var second = await transport.UnaryCallAsync(SparkConnectMethods.Config, config, GrpcCallOptions.Default, default);
        Assert.That(second.ServerSideSessionId, Is.Not.EqualTo(first.ServerSideSessionId));

        config.ClientObservedServerSideSessionId = first.ServerSideSessionId;
        var error = await Assert.ThrowsAsync<GrpcException>(() => transport.UnaryCallAsync(SparkConnectMethods.Config, config, GrpcCallOptions.Default, default));
        Assert.That(ReattachTests.ErrorClassOf(error!), Is.EqualTo("INVALID_HANDLE.SESSION_CHANGED"));
    }

    [Test]
    public async Task Idle_sessions_end_but_busy_and_recent_ones_stay()
    {
        var idle = NewClient();
        var busy = NewClient();
        var recent = NewClient();
        await idle.GetAllConfigAsync();
        await using var reading = busy.ExecutePlanAsync(Sql("SELECT id FROM range(100000)")).GetAsyncEnumerator();
        Assert.That(await reading.MoveNextAsync(), Is.True);
        await recent.GetAllConfigAsync();
        var registry = Server.Service.Sessions;
        var recentUse = registry.All.Single(s => s.Key.SessionId == recent.SessionId).LastUsed;

        var ended = registry.EndIdleSessions(recentUse + TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30));

        Assert.That(ended, Is.EqualTo(1));
        Assert.That(registry.All.Select(s => s.Key.SessionId), Is.EquivalentTo(new[] { busy.SessionId, recent.SessionId }));
        var error = await Assert.ThrowsAsync<SparkException>(() => idle.GetAllConfigAsync());
        Assert.That(error!.ErrorClass, Is.EqualTo("INVALID_HANDLE.SESSION_CLOSED"));
    }

    [Test]
    public async Task A_session_id_that_is_not_a_uuid_is_rejected()
    {
        var transport = NewTransport();
        var error = await Assert.ThrowsAsync<GrpcException>(() => transport.UnaryCallAsync(SparkConnectMethods.Config,
            new ConfigRequest { SessionId = "abc", Operation = new ConfigRequest.Types.Operation { GetAll = new ConfigRequest.Types.GetAll() } },
            GrpcCallOptions.Default, default));
        Assert.That(ReattachTests.ErrorClassOf(error!), Is.EqualTo("INVALID_HANDLE.FORMAT"));
    }

    [Test]
    public async Task Errors_come_with_their_full_chain_through_fetch_error_details()
    {
        var client = NewClient();
        // A failure DuckDB reports while running (a bad cast), so the Spark error has DuckDB's error as its cause.
        var error = await Assert.ThrowsAsync<SparkException>(() => RowsAsync(client, Sql("SELECT CAST(concat('no', 'pe') AS INT) FROM range(3)")));

        Assert.That(error!.ErrorClass, Is.EqualTo("CAST_INVALID_INPUT"));
        Assert.That(error.ErrorId, Is.Not.Null.And.Not.Empty);
        // Only FetchErrorDetails carries the causes: the DuckDB error under the Spark one.
        var cause = error.InnerException as SparkException;
        Assert.That(cause, Is.Not.Null);
        Assert.That(cause!.ErrorTypeHierarchy, Does.Contain(typeof(Spark.Connect.Local.DuckDb.DuckDbException).FullName));
        Assert.That(cause.Message, Does.Contain("nope"));
    }

    [Test]
    public async Task Fetch_error_details_of_an_unknown_id_answers_with_no_errors()
    {
        var client = NewClient();
        await client.GetAllConfigAsync();
        var transport = NewTransport();
        var details = await transport.UnaryCallAsync(SparkConnectMethods.FetchErrorDetails,
            new FetchErrorDetailsRequest { SessionId = client.SessionId, ErrorId = Guid.NewGuid().ToString() }, GrpcCallOptions.Default, default);
        Assert.That(details.Errors, Is.Empty);
        Assert.That(details.HasRootErrorIdx, Is.False);
    }
}
