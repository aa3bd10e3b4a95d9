using System.Collections;
using System.Linq.Expressions;
using Spark.Connect;
using Spark.Connect.Protocol;
using Spark.Linq.Mapping;
using Spark.Linq.Query;

namespace Spark.Linq;

/// <summary>
/// The entry point: a Spark session to query with LINQ. Connecting is lazy (no I/O until a query
/// runs), the session is thread-safe, and disposing it releases the server session.
/// </summary>
public sealed class SparkSession : IAsyncDisposable
{
    private readonly SparkQueryProvider _provider;

    private SparkSession(SparkConnectClient client, SparkQueryOptions queryOptions)
    {
        Client = client;
        QueryOptions = queryOptions;
        _provider = new SparkQueryProvider(this);
    }

    /// <summary>Creates a session for <paramref name="connectionString"/>; no I/O happens yet.</summary>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    public static SparkSession Connect(string connectionString) => Connect(new SparkSessionOptions { ConnectionString = connectionString });

    /// <summary>Creates a session from <paramref name="options"/>; no I/O happens yet.</summary>
    public static SparkSession Connect(SparkSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = options.Client.Copy();
        if (options.ConnectionString is not null) clientOptions.ConnectionString = options.ConnectionString;
        var client = SparkConnectClient.Create(clientOptions);
        var queryOptions = new SparkQueryOptions
        {
            NamingPolicy = options.NamingPolicy,
            NullSemantics = options.NullSemantics,
            TranslatorPlugins = [.. options.TranslatorPlugins ?? []],
        };
        // A plug-in that can't list its translators fails here rather than in the first query.
        _ = queryOptions.Chains;
        return new SparkSession(client, queryOptions);
    }

    /// <summary>The Spark Connect client under this session, for raw plans and session RPCs.</summary>
    public SparkConnectClient Client { get; }

    /// <summary>How this session's queries are translated.</summary>
    public SparkQueryOptions QueryOptions { get; }

    /// <summary>Rows of the table <paramref name="name"/> (a possibly qualified name, e.g. <c>sales.orders</c>).</summary>
    public ISparkQueryable<T> Table<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new SparkQueryable<T>(_provider, new TableRootExpression(typeof(T), name));
    }

    /// <summary>Rows of the table named by <c>[Table("db.name")]</c> on <typeparamref name="T"/>, or else by the type's name.</summary>
    public ISparkQueryable<T> Table<T>() => Table<T>(EntityMapping.TableName(typeof(T)));

    /// <summary>
    /// Rows of a SQL query. <paramref name="args"/> (an anonymous object or a dictionary) supplies
    /// <c>:name</c> parameters; values travel as literals, never spliced into the text.
    /// </summary>
    public ISparkQueryable<T> Sql<T>(string sql, object? args = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        return new SparkQueryable<T>(_provider, new SqlRootExpression(typeof(T), sql, SqlArguments(args)));
    }

    /// <summary>
    /// A query over <paramref name="rows"/>, sent to Spark as a <c>LocalRelation</c> (an Arrow IPC
    /// stream). Columns follow the same mapping as queries (<c>[Column]</c>, the naming policy,
    /// <c>[NotMapped]</c>); scalar rows become one column named <c>value</c>. The rows are read now:
    /// changing the source afterwards doesn't change the query.
    /// </summary>
    /// <remarks>
    /// Unsigned integers widen to the next signed type (ulong → decimal(20,0)); decimals are
    /// decimal(38, s) with s the largest scale present; char and Guid are strings; DateTime is a UTC
    /// timestamp, or timestamp_ntz when every value is Unspecified; TimeSpan is a duration; enums are
    /// their underlying integer; classes/records/structs are structs, arrays/lists are arrays,
    /// dictionaries are maps. The whole payload travels inside the plan, so keep it small (thousands
    /// of rows, not millions).
    /// </remarks>
    /// <exception cref="NotSupportedException">A member's type has no Spark column type; the message names the member and type.</exception>
    /// <exception cref="ArgumentException">A row is null or a value can't be stored exactly; the message says which.</exception>
    public ISparkQueryable<T> CreateDataFrame<T>(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (data, schema, count) = LocalData.LocalDataWriter.Write(rows, QueryOptions.NamingPolicy);
        return new SparkQueryable<T>(_provider, new LocalRootExpression(typeof(T), Google.Protobuf.ByteString.CopyFrom(data), schema, count));
    }

    /// <summary>Releases the server session and closes the connection.</summary>
    public ValueTask DisposeAsync() => Client.DisposeAsync();

    private static List<KeyValuePair<string, object?>> SqlArguments(object? args) => args switch
    {
        null => [],
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToList(),
        IDictionary dictionary => dictionary.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(k.ToString()!, dictionary[k])).ToList(),
        _ => args.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(args))).ToList(),
    };
}
