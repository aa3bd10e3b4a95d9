using System.Runtime.CompilerServices;

namespace Spark.Connect.Local.Planning.Sources;

/// <summary>
/// The temporary views being expanded in one planning run. While view <c>v</c> is rendered, the name
/// <c>v</c> inside it means the table of that name (what Spark resolved when it analyzed the view, before
/// the view existed), so a view over a table it shadows, or SQL naming itself, never expands forever.
/// </summary>
internal static class ViewExpansion
{
    private static readonly ConditionalWeakTable<PlanningContext, HashSet<string>> Expanding = new();

    /// <summary>The view <paramref name="nameParts"/> names, unless that view is being expanded already.</summary>
    internal static Relation? Find(PlanningContext context, IReadOnlyList<string> nameParts) =>
        Names(context).Contains(Key(nameParts)) ? null : context.Session.FindView(nameParts);

    /// <summary>Whether the view <paramref name="nameParts"/> names is being expanded (its own name inside it means a table).</summary>
    internal static bool IsExpanding(PlanningContext context, IReadOnlyList<string> nameParts) => Names(context).Contains(Key(nameParts));

    /// <summary>Marks <paramref name="nameParts"/> as being expanded until the result is disposed.</summary>
    internal static Scope Enter(PlanningContext context, IReadOnlyList<string> nameParts)
    {
        var names = Names(context);
        var key = Key(nameParts);
        return new Scope(names.Add(key) ? names : null, key);
    }

    private static HashSet<string> Names(PlanningContext context) =>
        Expanding.GetValue(context, _ => new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    private static string Key(IReadOnlyList<string> nameParts) => string.Join('\u0001', nameParts);

    /// <summary>Leaves the expansion of one view.</summary>
    internal readonly struct Scope(HashSet<string>? names, string key) : IDisposable
    {
        public void Dispose() => names?.Remove(key);
    }
}
