using System.Text.RegularExpressions;

namespace Spark.Connect.Tests.Contract;

/// <summary>
/// Reads the field-by-field listing format of <c>spark-connect-wire.txt</c>:
/// <c>// file x.proto  (package p)</c> headers, nested <c>message N {</c> ... <c>}</c> blocks, one-line
/// <c>enum N { A=0, B=1 }</c>, fields <c>[optional |repeated ]Type name = N;  [oneof o]</c> or
/// <c>map&lt;K, V&gt; name = N;</c>, and <c>service</c> blocks of <c>rpc</c> lines.
/// Type names in the listing are relative to the package (<c>Expression.Literal</c>) or start with
/// <c>google.</c>. Any line it does not understand is an error, so a change of format cannot pass silently.
/// </summary>
internal static partial class WireListingParser
{
    private static readonly HashSet<string> Scalars = new(StringComparer.Ordinal)
    {
        "double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64",
        "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes",
    };

    public static ContractModel Parse(string text)
    {
        var model = new ContractModel();
        var package = "";
        var scope = new Stack<string>();
        List<ContractRpc>? service = null;
        var referenced = new List<(string Type, int Line)>();
        var lines = text.Split('\n');

        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var lineNumber = index + 1;
            var trimmed = line.Trim();
            Match m;
            string Resolve(string name)
            {
                if (Scalars.Contains(name)) return name;
                var full = name.StartsWith("google.", StringComparison.Ordinal) ? name : $"{package}.{name}";
                referenced.Add((full, lineNumber));
                return full;
            }

            if ((m = FileHeader().Match(trimmed)).Success)
            {
                if (scope.Count > 0 || service is not null) throw Error(lineNumber, "file header inside an open block");
                package = m.Groups["package"].Value;
            }
            else if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
            }
            else if ((m = MessageOpen().Match(trimmed)).Success)
            {
                var name = Qualify(package, scope, m.Groups["name"].Value);
                if (!model.Messages.TryAdd(name, [])) throw Error(lineNumber, $"message {name} listed twice");
                scope.Push(name);
            }
            else if (trimmed == "}")
            {
                if (service is not null) service = null;
                else if (!scope.TryPop(out _)) throw Error(lineNumber, "unbalanced '}'");
            }
            else if ((m = EnumLine().Match(trimmed)).Success)
            {
                var name = Qualify(package, scope, m.Groups["name"].Value);
                var values = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var item in m.Groups["values"].Value.Split(", "))
                {
                    var parts = item.Split('=');
                    if (parts.Length != 2 || !int.TryParse(parts[1], out var number) || !values.TryAdd(parts[0], number))
                        throw Error(lineNumber, $"bad enum value '{item}'");
                }
                if (!model.Enums.TryAdd(name, values)) throw Error(lineNumber, $"enum {name} listed twice");
            }
            else if ((m = FieldLine().Match(trimmed)).Success && scope.Count > 0)
            {
                var label = m.Groups["label"].Value.Trim();
                var oneof = m.Groups["oneof"].Success ? m.Groups["oneof"].Value : null;
                model.Messages[scope.Peek()].Add(new ContractField(
                    m.Groups["name"].Value, int.Parse(m.Groups["number"].Value), label, Resolve(m.Groups["type"].Value), oneof));
            }
            else if ((m = MapLine().Match(trimmed)).Success && scope.Count > 0)
            {
                var type = $"map<{Resolve(m.Groups["key"].Value)}, {Resolve(m.Groups["value"].Value)}>";
                model.Messages[scope.Peek()].Add(new ContractField(m.Groups["name"].Value, int.Parse(m.Groups["number"].Value), "map", type, null));
            }
            else if ((m = ServiceOpen().Match(trimmed)).Success && scope.Count == 0)
            {
                service = [];
                model.Services[$"{package}.{m.Groups["name"].Value}"] = service;
            }
            else if ((m = RpcLine().Match(trimmed)).Success && service is not null)
            {
                service.Add(new ContractRpc(m.Groups["name"].Value, Resolve(m.Groups["input"].Value), Resolve(m.Groups["output"].Value),
                    m.Groups["clientStream"].Success, m.Groups["serverStream"].Success));
            }
            else
            {
                throw Error(lineNumber, $"unrecognised line '{trimmed}'");
            }
        }

        if (scope.Count > 0 || service is not null) throw Error(lines.Length, "a block is not closed at the end of the listing");
        var unresolved = referenced
            .Where(r => !r.Type.StartsWith("google.", StringComparison.Ordinal) && !model.Messages.ContainsKey(r.Type) && !model.Enums.ContainsKey(r.Type))
            .Select(r => $"{r.Type} (line {r.Line})").ToList();
        if (unresolved.Count > 0) throw new FormatException("Wire listing refers to undeclared types: " + string.Join(", ", unresolved));
        return model;
    }

    private static string Qualify(string package, Stack<string> scope, string name) =>
        scope.Count > 0 ? $"{scope.Peek()}.{name}" : $"{package}.{name}";

    private static FormatException Error(int line, string what) => new($"Wire listing, line {line}: {what}.");

    [GeneratedRegex(@"^// file (?<file>\S+)\s+\(package (?<package>[\w.]+)\)$")]
    private static partial Regex FileHeader();

    [GeneratedRegex(@"^message (?<name>\w+) \{$")]
    private static partial Regex MessageOpen();

    [GeneratedRegex(@"^enum (?<name>\w+) \{ (?<values>\w+=-?\d+(, \w+=-?\d+)*) \}$")]
    private static partial Regex EnumLine();

    [GeneratedRegex(@"^(?<label>optional |repeated )?(?<type>[\w.]+) (?<name>\w+) = (?<number>\d+);(\s+\[oneof (?<oneof>\w+)\])?$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^map<(?<key>\w+), (?<value>[\w.]+)> (?<name>\w+) = (?<number>\d+);$")]
    private static partial Regex MapLine();

    [GeneratedRegex(@"^service (?<name>\w+) \{$")]
    private static partial Regex ServiceOpen();

    [GeneratedRegex(@"^rpc (?<name>\w+)\((?<clientStream>stream )?(?<input>[\w.]+)\) returns \((?<serverStream>stream )?(?<output>[\w.]+)\);$")]
    private static partial Regex RpcLine();
}
