namespace Spark.Connect.Local.Planning.Functions;

/// <summary>Spark's result types of the text functions whose type depends on the arguments.</summary>
internal static class TextTypes
{
    /// <summary><c>elt(n, …)</c>: BINARY when every input is, else STRING (inputs cast to text); nullable (the index may miss).</summary>
    public static FunctionResult Elt(TypedCall call)
    {
        call.Require(0, t => SparkTypes.IsIntegral(t) || SparkTypes.IsNull(t), "\"INT\"");
        call.RequireAll(t => SparkTypes.CastsToString(t) || t.KindCase == DataType.KindOneofCase.Binary, "(\"STRING\" or \"BINARY\")", start: 1);
        var allBinary = call.Arguments.Skip(1).All(a => a.Type.KindCase == DataType.KindOneofCase.Binary);
        return call.AlwaysNullable(allBinary ? SparkTypes.Binary : SparkTypes.String);
    }
}
