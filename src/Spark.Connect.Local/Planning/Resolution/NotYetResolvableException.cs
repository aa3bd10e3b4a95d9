namespace Spark.Connect.Local.Planning.Resolution;

/// <summary>
/// Raised by the resolver for a relation or expression kind it does not handle yet. <see cref="LocalPlanner"/>
/// then plans the whole relation with the earlier single-statement renderer (Planning/Relations), which
/// still covers those kinds; never raised for a user error.
/// </summary>
internal sealed class NotYetResolvableException(string construct) : Exception($"The resolver does not handle {construct} yet.")
{
    /// <summary>What the resolver met.</summary>
    internal string Construct { get; } = construct;
}
