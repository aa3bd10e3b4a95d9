namespace Spark.Connect;

public sealed partial class SparkConnectClient
{
    /// <summary>Sets session configuration values, e.g. <c>spark.sql.shuffle.partitions</c>.</summary>
    public async Task SetConfigAsync(IEnumerable<KeyValuePair<string, string>> pairs, CancellationToken cancellationToken = default)
    {
        var set = new ConfigRequest.Types.Set();
        set.Pairs.AddRange(pairs.Select(p => new KeyValue { Key = p.Key, Value = p.Value }));
        await ConfigAsync(new ConfigRequest.Types.Operation { Set = set }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets one session configuration value.</summary>
    public Task SetConfigAsync(string key, string value, CancellationToken cancellationToken = default) =>
        SetConfigAsync([new(key, value)], cancellationToken);

    /// <summary>
    /// Reads configuration values; a key with no value maps to null. (The server fails the call for
    /// a key that has neither a value nor a default.)
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string?>> GetConfigAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var get = new ConfigRequest.Types.Get();
        get.Keys.AddRange(keys);
        var response = await ConfigAsync(new ConfigRequest.Types.Operation { Get = get }, cancellationToken).ConfigureAwait(false);
        return ToDictionary(response);
    }

    /// <summary>Reads one configuration value, or null when it has none.</summary>
    public async Task<string?> GetConfigAsync(string key, CancellationToken cancellationToken = default) =>
        (await GetConfigAsync([key], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(key);

    /// <summary>Reads every configuration value set on the session, optionally only keys starting with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> GetAllConfigAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var getAll = new ConfigRequest.Types.GetAll();
        if (prefix is not null) getAll.Prefix = prefix;
        var response = await ConfigAsync(new ConfigRequest.Types.Operation { GetAll = getAll }, cancellationToken).ConfigureAwait(false);
        return ToDictionary(response);
    }

    /// <summary>Removes configuration values from the session, restoring their defaults.</summary>
    public async Task UnsetConfigAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var unset = new ConfigRequest.Types.Unset();
        unset.Keys.AddRange(keys);
        await ConfigAsync(new ConfigRequest.Types.Operation { Unset = unset }, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, string?> ToDictionary(ConfigResponse response)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var pair in response.Pairs) result[pair.Key] = pair.HasValue ? pair.Value : null;
        return result;
    }
}
