using Spark.Connect.Local.DuckDb;

namespace Spark.Connect.Local.Tests.DuckDb;

public class DuckDbExecutionTests : DuckDbTestBase
{
    private static readonly string[] InjectionCorpus =
    [
        "'", "''", "'; DROP TABLE victims; --", "\"; DROP TABLE victims; --", "\\", "\\'; DELETE FROM victims; --",
        "-- comment", "/* block */ SELECT 1", ";", "1; DROP TABLE victims", "' OR '1'='1", "Robert'); DROP TABLE victims;--",
        "ünïcödé ' ; -- ✓", "before\0after'; DROP TABLE victims; --", "$1", "?", "%s", "\r\n;\t",
    ];

    [Test]
    public void Hostile_strings_bound_as_parameters_round_trip_as_data_and_never_execute()
    {
        Connection.ExecuteNonQuery("CREATE TABLE victims(id INTEGER, payload VARCHAR)");
        using (var insert = Connection.Prepare("INSERT INTO victims VALUES (?, ?)"))
        {
            for (var i = 0; i < InjectionCorpus.Length; i++)
            {
                insert.Bind(1, i);
                insert.Bind(2, InjectionCorpus[i]);
                using var _ = insert.Execute();
            }
        }

        using (var lookup = Connection.Prepare("SELECT count(*) FROM victims WHERE payload = ?"))
        {
            foreach (var payload in InjectionCorpus)
            {
                lookup.Bind(1, payload);
                using var result = lookup.Execute();
                Assert.That(ReadAll(result, (c, r) => c.GetVector(0).GetData<long>()[r]).Single(), Is.EqualTo(1), payload);
            }
        }

        using var all = Connection.Query("SELECT payload FROM victims ORDER BY id");
        Assert.That(ReadAll(all, (c, r) => c.GetVector(0).GetString(r)), Is.EqualTo(InjectionCorpus));
    }

    [Test]
    public void Ten_thousand_rows_stream_as_several_chunks()
    {
        using var result = Connection.Query("SELECT i, 'row ' || i AS label FROM range(10000) t(i)");
        var chunkSizes = new List<int>();
        long sum = 0;
        var labelsMatch = true;
        while (result.FetchChunk() is { } chunk)
        {
            using (chunk)
            {
                chunkSizes.Add(chunk.RowCount);
                var ids = chunk.GetVector(0).GetData<long>();
                var labels = chunk.GetVector(1);
                for (var row = 0; row < chunk.RowCount; row++)
                {
                    sum += ids[row];
                    labelsMatch &= labels.GetString(row) == $"row {ids[row]}";
                }
            }
        }
        Assert.That(chunkSizes.Sum(), Is.EqualTo(10000));
        Assert.That(chunkSizes, Has.Count.GreaterThan(1));
        Assert.That(chunkSizes, Is.All.LessThanOrEqualTo(2048));
        Assert.That(sum, Is.EqualTo(10000L * 9999 / 2));
        Assert.That(labelsMatch, Is.True);
        Assert.That(result.FetchChunk(), Is.Null);
    }

    [Test]
    public void Interrupting_a_long_query_from_another_thread_ends_it_with_an_interrupted_error()
    {
        // Without the interrupt this would run for hours; the interrupt is repeated because it only
        // affects a query that has already started.
        var query = Task.Run(() =>
        {
            using var result = Connection.Query("SELECT sum(hash(i)) FROM range(1000000000000) t(i)");
            return ReadAll(result, (c, r) => 0).Count;
        });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!query.IsCompleted && DateTime.UtcNow < deadline)
        {
            Connection.Interrupt();
            Thread.Sleep(20);
        }
        Assert.That(((IAsyncResult)query).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(5)), Is.True, "the query did not stop after interrupts");
        Assert.That(query.IsFaulted, Is.True);
        var error = query.Exception!.InnerException;
        Assert.That(error, Is.InstanceOf<DuckDbException>());
        Assert.That(error!.Message, Does.Contain("Interrupt").IgnoreCase);

        // The connection stays usable after an interrupt.
        using var after = Connection.Query("SELECT 7");
        Assert.That(ReadAll(after, (c, r) => c.GetVector(0).GetData<int>()[r]), Is.EqualTo(new[] { 7 }));
    }

    [Test]
    public void The_appender_bulk_loads_a_hundred_thousand_rows()
    {
        Connection.ExecuteNonQuery("CREATE TABLE bulk(id BIGINT, even BOOLEAN, x DOUBLE, label VARCHAR, d DATE, ts TIMESTAMP, n INTEGER, raw BLOB)");
        using (var appender = Connection.CreateAppender("bulk"))
        {
            for (var i = 0; i < 100_000; i++)
            {
                appender.Append((long)i);
                appender.Append(i % 2 == 0);
                appender.Append(i * 0.5);
                appender.Append(i % 1000 == 0 ? $"a label long enough to be out of line {i}" : $"l{i}");
                appender.Append(new DateOnly(2000, 1, 1).AddDays(i % 365));
                appender.Append(new DateTime(2020, 1, 1).AddSeconds(i));
                if (i % 10 == 0)
                    appender.AppendNull();
                else
                    appender.Append(i);
                appender.Append(new[] { (byte)i, (byte)(i >> 8) });
                appender.EndRow();
            }
            appender.Close();
        }

        using var result = Connection.Query(
            "SELECT count(*), sum(id), count(n), count(*) FILTER (WHERE even), max(label), max(d), max(ts), " +
            "count(*) FILTER (WHERE raw = from_hex('1027') OR id <> 10000) FROM bulk");
        var row = ReadAll(result, (c, r) => Enumerable.Range(0, 8).Select(i => DuckDbBindingRoundTripTests.Read(c.GetVector(i), r)).ToArray()).Single();
        Assert.That(row[0], Is.EqualTo(100_000L));
        Assert.That(row[1], Is.EqualTo((Int128)99_999L * 100_000 / 2));
        Assert.That(row[2], Is.EqualTo(90_000L));
        Assert.That(row[3], Is.EqualTo(50_000L));
        Assert.That(row[4], Is.EqualTo("l99999"));
        Assert.That(row[5], Is.EqualTo(new DateOnly(2000, 12, 30)));
        Assert.That(row[6], Is.EqualTo(new DateTime(2020, 1, 1).AddSeconds(99_999)));
        Assert.That(row[7], Is.EqualTo(100_000L));
    }

    [Test]
    public void The_appender_rejects_a_short_row_with_DuckDBs_message()
    {
        Connection.ExecuteNonQuery("CREATE TABLE pair(a INTEGER, b INTEGER)");
        using var appender = Connection.CreateAppender("pair");
        appender.Append(1);
        var error = Assert.Throws<DuckDbException>(() => appender.EndRow())!;
        Assert.That(error.Message, Does.Contain("column").IgnoreCase);
        Assert.Throws<DuckDbException>(() => Connection.CreateAppender("missing_table"));
    }
}
