using Google.Protobuf.Reflection;
using NUnit.Framework;

namespace Spark.Connect.Tests.Contract;

/// <summary>The conformance check must be able to fail: wrong reference snippets against real descriptors.</summary>
[TestFixture]
public class ContractComparerTests
{
    private const string Header = "// file spark/connect/relations.proto  (package spark.connect)\nmessage Relation {\n}\n";

    private static List<string> CompareWith(string referenceBody, params MessageDescriptor[] declaredMessages)
    {
        var declared = new ContractModel();
        foreach (var message in declaredMessages) declared.AddMessage(message);
        return ContractComparer.Compare(declared, WireListingParser.Parse(Header + referenceBody));
    }

    [Test]
    public void Matching_reference_reports_nothing()
    {
        var problems = CompareWith("message Limit {\n  Relation input = 1;\n  int32 limit = 2;\n}\n", Limit.Descriptor);

        Assert.That(problems, Is.Empty);
    }

    [TestCase("Relation input = 1;\n  int64 limit = 2;", "field spark.connect.Limit.limit: type int32 here, int64 in the reference")]
    [TestCase("Relation input = 1;\n  int32 limit = 3;", "field spark.connect.Limit.limit: number 2 here, 3 in the reference")]
    [TestCase("repeated Relation input = 1;\n  int32 limit = 2;", "field spark.connect.Limit.input: label '' here, 'repeated' in the reference")]
    [TestCase("Relation input = 1;\n  int32 limit = 2;  [oneof kind]", "field spark.connect.Limit.limit: oneof '(none)' here, 'kind' in the reference")]
    [TestCase("Relation input = 1;\n  int32 max_rows = 2;", "field spark.connect.Limit.limit: not in the reference contract, whose number 2 is 'max_rows'")]
    [TestCase("Relation input = 1;", "field spark.connect.Limit.limit: not in the reference contract")]
    public void Wrong_field_in_the_reference_is_reported(string limitBody, string expected)
    {
        var problems = CompareWith($"message Limit {{\n  {limitBody}\n}}\n", Limit.Descriptor);

        Assert.That(problems, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Proto3_optional_is_told_apart_from_a_plain_field()
    {
        var problems = CompareWith(
            "message Sort {\n  Relation input = 1;\n  repeated Expression.SortOrder order = 2;\n  bool is_global = 3;\n}\n" +
            "message Expression {\n  message SortOrder {\n  }\n}\n", Sort.Descriptor);

        Assert.That(problems, Is.EqualTo(new[] { "field spark.connect.Sort.is_global: label 'optional' here, '' in the reference" }));
    }

    [Test]
    public void Message_type_of_a_field_is_compared_by_full_name()
    {
        var problems = CompareWith("message Limit {\n  Limit input = 1;\n  int32 limit = 2;\n}\n", Limit.Descriptor);

        Assert.That(problems, Is.EqualTo(new[] { "field spark.connect.Limit.input: type spark.connect.Relation here, spark.connect.Limit in the reference" }));
    }

    [Test]
    public void Missing_message_and_wrong_enum_value_are_all_reported_together()
    {
        var reference = "message Join {\n  enum JoinType { JOIN_TYPE_UNSPECIFIED=0, JOIN_TYPE_INNER=1, JOIN_TYPE_FULL_OUTER=2, " +
                        "JOIN_TYPE_LEFT_OUTER=3, JOIN_TYPE_RIGHT_OUTER=4, JOIN_TYPE_LEFT_ANTI=5, JOIN_TYPE_LEFT_SEMI=6, JOIN_TYPE_CROSS=8 }\n}\n";
        var declared = new ContractModel();
        declared.AddMessage(Join.Descriptor);

        var problems = ContractComparer.Compare(declared, WireListingParser.Parse(Header + reference));

        Assert.That(problems, Does.Contain("enum spark.connect.Join.JoinType.JOIN_TYPE_CROSS: number 7 here, 8 in the reference"));
        Assert.That(problems, Does.Contain("message spark.connect.Join.JoinDataType: not in the reference contract"));
        Assert.That(problems.Count(p => p.StartsWith("field spark.connect.Join.", StringComparison.Ordinal)), Is.EqualTo(6), "every Join field is missing from this reference");
    }

    [Test]
    public void Rpc_with_wrong_streaming_shape_is_reported()
    {
        var declared = ContractModel.FromDescriptors([BaseReflection.Descriptor]);
        declared.Messages.Clear();
        declared.Enums.Clear();
        var reference = WireListingParser.Parse(
            "// file spark/connect/base.proto  (package spark.connect)\nmessage ExecutePlanRequest {\n}\nmessage ExecutePlanResponse {\n}\n" +
            "service SparkConnectService {\n  rpc ExecutePlan(ExecutePlanRequest) returns (ExecutePlanResponse);\n}\n");

        var problems = ContractComparer.Compare(declared, reference);

        Assert.That(problems, Does.Contain(
            "rpc spark.connect.SparkConnectService.ExecutePlan: (spark.connect.ExecutePlanRequest) returns (stream spark.connect.ExecutePlanResponse) here, " +
            "(spark.connect.ExecutePlanRequest) returns (spark.connect.ExecutePlanResponse) in the reference"));
        Assert.That(problems, Does.Contain("rpc spark.connect.SparkConnectService.AnalyzePlan: not in the reference contract"));
    }

    [TestCase("message A {\n  strange line here\n}\n", "line 5: unrecognised line")]
    [TestCase("message A {\n  Missing field = 1;\n}\n", "undeclared types: spark.connect.Missing (line 5)")]
    [TestCase("message A {\n", "not closed")]
    [TestCase("}\n}\n", "unbalanced")]
    [TestCase("message Relation {\n}\n", "listed twice")]
    public void Parser_rejects_what_it_does_not_understand(string body, string expected)
    {
        var error = Assert.Throws<FormatException>(() => WireListingParser.Parse(Header + body))!;

        Assert.That(error.Message, Does.Contain(expected));
    }
}
