namespace Spark.Connect.Tests.Contract;

/// <summary>
/// Checks that what we declare is a faithful subset of the reference contract: every declared
/// message, enum, field, value and RPC must exist there under the same full name with the same
/// number, type, label and oneof. Leaving things out is allowed; differing is not.
/// </summary>
internal static class ContractComparer
{
    public static List<string> Compare(ContractModel declared, ContractModel reference)
    {
        var problems = new List<string>();

        foreach (var (name, fields) in declared.Messages.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (!reference.Messages.TryGetValue(name, out var expectedFields))
            {
                problems.Add($"message {name}: not in the reference contract");
                continue;
            }
            foreach (var field in fields) CompareField(name, field, expectedFields, problems);
        }

        foreach (var (name, values) in declared.Enums.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!reference.Enums.TryGetValue(name, out var expectedValues))
            {
                problems.Add($"enum {name}: not in the reference contract");
                continue;
            }
            foreach (var (valueName, number) in values)
            {
                if (!expectedValues.TryGetValue(valueName, out var expected))
                    problems.Add($"enum {name}.{valueName}: not in the reference contract");
                else if (expected != number)
                    problems.Add($"enum {name}.{valueName}: number {number} here, {expected} in the reference");
            }
        }

        foreach (var (name, rpcs) in declared.Services)
        {
            if (!reference.Services.TryGetValue(name, out var expectedRpcs))
            {
                problems.Add($"service {name}: not in the reference contract");
                continue;
            }
            foreach (var rpc in rpcs)
            {
                var expected = expectedRpcs.FirstOrDefault(r => r.Name == rpc.Name);
                if (expected is null) problems.Add($"rpc {name}.{rpc.Name}: not in the reference contract");
                else if (expected != rpc) problems.Add($"rpc {name}.{rpc.Name}: {Show(rpc)} here, {Show(expected)} in the reference");
            }
        }
        return problems;
    }

    private static void CompareField(string message, ContractField field, List<ContractField> expectedFields, List<string> problems)
    {
        var where = $"field {message}.{field.Name}";
        var expected = expectedFields.FirstOrDefault(f => f.Name == field.Name);
        if (expected is null)
        {
            var sameNumber = expectedFields.FirstOrDefault(f => f.Number == field.Number);
            problems.Add(sameNumber is null
                ? $"{where}: not in the reference contract"
                : $"{where}: not in the reference contract, whose number {field.Number} is '{sameNumber.Name}'");
            return;
        }
        if (expected.Number != field.Number) problems.Add($"{where}: number {field.Number} here, {expected.Number} in the reference");
        if (expected.Type != field.Type) problems.Add($"{where}: type {field.Type} here, {expected.Type} in the reference");
        if (expected.Label != field.Label) problems.Add($"{where}: label '{field.Label}' here, '{expected.Label}' in the reference");
        if (expected.Oneof != field.Oneof)
            problems.Add($"{where}: oneof '{field.Oneof ?? "(none)"}' here, '{expected.Oneof ?? "(none)"}' in the reference");
    }

    private static string Show(ContractRpc rpc) =>
        $"({(rpc.ClientStreaming ? "stream " : "")}{rpc.Input}) returns ({(rpc.ServerStreaming ? "stream " : "")}{rpc.Output})";
}
