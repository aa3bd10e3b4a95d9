namespace Spark.Connect.Local.Service;

/// <summary>One session's Spark configuration: string pairs over a few defaults, as the Config RPC sees them.</summary>
internal sealed class SessionConfig
{
    internal static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        ["spark.sql.session.timeZone"] = "UTC",
        ["spark.sql.ansi.enabled"] = "true",
        ["spark.sql.execution.arrow.maxRecordsPerBatch"] = "10000",
    };

    // Static (cluster-wide) settings a session may not change, as Spark reports through is_modifiable.
    private static readonly HashSet<string> Static = new(StringComparer.Ordinal)
    {
        "spark.sql.warehouse.dir", "spark.sql.catalogImplementation", "spark.master", "spark.app.name",
    };

    private readonly Dictionary<string, string> _values = new(Defaults, StringComparer.Ordinal);
    private readonly Lock _lock = new();

    internal ConfigResponse Apply(ConfigRequest.Types.Operation operation)
    {
        var response = new ConfigResponse();
        lock (_lock)
        {
            switch (operation.OpTypeCase)
            {
                case ConfigRequest.Types.Operation.OpTypeOneofCase.Set:
                    foreach (var pair in operation.Set.Pairs)
                    {
                        if (Static.Contains(pair.Key))
                            throw new Planning.LocalEngineException("CANNOT_MODIFY_CONFIG", "46110",
                                $"Cannot modify the value of the static Spark config '{pair.Key}'.",
                                new Dictionary<string, string> { ["key"] = pair.Key });
                        if (pair.HasValue)
                            _values[pair.Key] = pair.Value;
                        else
                            _values.Remove(pair.Key);
                    }
                    break;
                case ConfigRequest.Types.Operation.OpTypeOneofCase.Get:
                    foreach (var key in operation.Get.Keys)
                        response.Pairs.Add(new KeyValue { Key = key, Value = _values.GetValueOrDefault(key) ?? throw NotFound(key) });
                    break;
                case ConfigRequest.Types.Operation.OpTypeOneofCase.GetWithDefault:
                    foreach (var pair in operation.GetWithDefault.Pairs)
                        response.Pairs.Add(Pair(pair.Key, _values.GetValueOrDefault(pair.Key) ?? (pair.HasValue ? pair.Value : null)));
                    break;
                case ConfigRequest.Types.Operation.OpTypeOneofCase.GetOption:
                    foreach (var key in operation.GetOption.Keys)
                        response.Pairs.Add(Pair(key, _values.GetValueOrDefault(key)));
                    break;
                case ConfigRequest.Types.Operation.OpTypeOneofCase.GetAll:
                    var prefix = operation.GetAll.HasPrefix ? operation.GetAll.Prefix : string.Empty;
                    foreach (var (key, value) in _values.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal))
                        response.Pairs.Add(new KeyValue { Key = key, Value = value });
                    break;
                case ConfigRequest.Types.Operation.OpTypeOneofCase.Unset:
                    foreach (var key in operation.Unset.Keys)
                    {
                        _values.Remove(key);
                        if (Defaults.TryGetValue(key, out var fallback))
                            _values[key] = fallback;
                    }
                    break;
                case ConfigRequest.Types.Operation.OpTypeOneofCase.IsModifiable:
                    foreach (var key in operation.IsModifiable.Keys)
                        response.Pairs.Add(new KeyValue { Key = key, Value = Static.Contains(key) ? "false" : "true" });
                    break;
                default:
                    throw SparkErrors.Unsupported($"the Config operation '{operation.OpTypeCase}'");
            }
        }
        return response;
    }

    internal string? Get(string key)
    {
        lock (_lock)
            return _values.GetValueOrDefault(key);
    }

    private static KeyValue Pair(string key, string? value)
    {
        var pair = new KeyValue { Key = key };
        if (value is not null)
            pair.Value = value;
        return pair;
    }

    private static Planning.LocalEngineException NotFound(string key) =>
        new("SQL_CONF_NOT_FOUND", "42K0I", $"The SQL config '{key}' cannot be found; set it first or use get_with_default.",
            new Dictionary<string, string> { ["sqlConf"] = key });
}
