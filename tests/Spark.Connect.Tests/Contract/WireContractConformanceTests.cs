using Spark.Testing;
using Google.Protobuf.Reflection;
using Google.Rpc;
using NUnit.Framework;

namespace Spark.Connect.Tests.Contract;

/// <summary>
/// Our generated Spark Connect messages against the reference listing in
/// <c>tests/Fixtures/spark-connect-wire.txt</c>: names, numbers, types, labels and oneofs must match.
/// </summary>
[TestFixture]
public class WireContractConformanceTests
{
    private static readonly FileDescriptor[] SparkFiles =
    [
        BaseReflection.Descriptor, RelationsReflection.Descriptor, ExpressionsReflection.Descriptor,
        TypesReflection.Descriptor, CommandsReflection.Descriptor, CommonReflection.Descriptor,
    ];

    // The public google.rpc contract (status.proto, error_details.proto), in the listing format.
    private const string GoogleRpcListing = """
        // file google/rpc/status.proto  (package google.rpc)
        message Status {
          int32 code = 1;
          string message = 2;
          repeated google.protobuf.Any details = 3;
        }
        // file google/rpc/error_details.proto  (package google.rpc)
        message ErrorInfo {
          string reason = 1;
          string domain = 2;
          map<string, string> metadata = 3;
        }
        message RetryInfo {
          google.protobuf.Duration retry_delay = 1;
        }
        """;

    private ContractModel _wire = null!;
    private ContractModel _declared = null!;

    [OneTimeSetUp]
    public void LoadReference()
    {
        _wire = LoadListing(Path.Combine(RepoPaths.Fixtures, "spark-connect-wire.txt"));
        _declared = ContractModel.FromDescriptors(SparkFiles);
    }

    /// <summary>Reads the reference listing; a missing file fails every test of the fixture, never passes them.</summary>
    internal static ContractModel LoadListing(string path) => File.Exists(path)
        ? WireListingParser.Parse(File.ReadAllText(path))
        : throw new FileNotFoundException(
            $"The reference contract {path} is missing. The contract test reads it from tests/Fixtures (see tests/Fixtures/README.md) and cannot pass without it.", path);

    [Test]
    public void Missing_reference_file_fails_with_a_clear_message()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "spark-connect-wire.txt");

        var error = Assert.Throws<FileNotFoundException>(() => LoadListing(missing))!;
        Assert.That(error.Message, Does.Contain(missing).And.Contain("cannot pass without it"));
    }

    [Test]
    public void Every_declared_message_enum_field_and_rpc_matches_the_reference()
    {
        var problems = ContractComparer.Compare(_declared, _wire);

        Assert.That(problems, Is.Empty, "Generated contract differs from spark-connect-wire.txt:\n" + string.Join("\n", problems));
    }

    [Test]
    public void The_comparison_covers_a_real_amount_of_the_contract()
    {
        // Guards against a parser or walker that silently finds nothing to compare.
        Assert.That(_declared.Messages, Has.Count.GreaterThan(150));
        Assert.That(_declared.Messages.Values.Sum(f => f.Count), Is.GreaterThan(600));
        Assert.That(_declared.Enums, Has.Count.GreaterThanOrEqualTo(15));
        Assert.That(_wire.Messages.Keys, Is.SupersetOf(_declared.Messages.Keys));
    }

    [TestCase("ExecutePlan", "ExecutePlanRequest", "ExecutePlanResponse", true)]
    [TestCase("AnalyzePlan", "AnalyzePlanRequest", "AnalyzePlanResponse", false)]
    [TestCase("Config", "ConfigRequest", "ConfigResponse", false)]
    [TestCase("Interrupt", "InterruptRequest", "InterruptResponse", false)]
    [TestCase("ReattachExecute", "ReattachExecuteRequest", "ExecutePlanResponse", true)]
    [TestCase("ReleaseExecute", "ReleaseExecuteRequest", "ReleaseExecuteResponse", false)]
    [TestCase("ReleaseSession", "ReleaseSessionRequest", "ReleaseSessionResponse", false)]
    [TestCase("FetchErrorDetails", "FetchErrorDetailsRequest", "FetchErrorDetailsResponse", false)]
    public void Service_declares_the_rpc(string rpc, string request, string response, bool serverStreaming)
    {
        var service = BaseReflection.Descriptor.Services.SingleOrDefault(s => s.FullName == "spark.connect.SparkConnectService");
        Assert.That(service, Is.Not.Null, "spark.connect.SparkConnectService is not declared");
        var method = service!.FindMethodByName(rpc);

        Assert.That(method, Is.Not.Null, $"rpc {rpc} is not declared");
        Assert.That(method.InputType.FullName, Is.EqualTo("spark.connect." + request));
        Assert.That(method.OutputType.FullName, Is.EqualTo("spark.connect." + response));
        Assert.That(method.IsClientStreaming, Is.False);
        Assert.That(method.IsServerStreaming, Is.EqualTo(serverStreaming));
    }

    [TestCase("Read", "Project", "Filter", "Join", "SetOperation", "Sort", "Limit", "Offset", "Tail", "Aggregate",
        "SQL", "LocalRelation", "CachedLocalRelation", "Deduplicate", "Range", "SubqueryAlias", "ToDF", "WithColumns", "Hint", "Sample")]
    public void Relation_declares_the_kinds_a_linq_provider_needs(params string[] kinds) =>
        AssertOneofOffers(Relation.Descriptor, "rel_type", kinds);

    [TestCase("Literal", "UnresolvedAttribute", "UnresolvedFunction", "ExpressionString", "UnresolvedStar", "Alias", "Cast",
        "SortOrder", "LambdaFunction", "UnresolvedNamedLambdaVariable", "Window", "UnresolvedExtractValue", "CallFunction", "SubqueryExpression")]
    public void Expression_declares_the_kinds_a_linq_provider_needs(params string[] kinds) =>
        AssertOneofOffers(Expression.Descriptor, "expr_type", kinds);

    [Test]
    public void DataType_declares_every_kind_of_the_reference()
    {
        // Schemas can contain any type, so DataType is the one message that must be complete.
        var declared = _declared.Messages["spark.connect.DataType"].Select(f => f.Name);
        var reference = _wire.Messages["spark.connect.DataType"].Select(f => f.Name);

        Assert.That(declared, Is.EquivalentTo(reference));
    }

    [Test]
    public void Google_rpc_error_messages_match_the_public_contract()
    {
        var declared = ContractModel.FromDescriptors([StatusReflection.Descriptor, ErrorDetailsReflection.Descriptor]);
        // The package ships every google.rpc detail message; Spark Connect uses these three.
        string[] used = ["Status", "ErrorInfo", "RetryInfo"];
        var problems = ContractComparer.Compare(declared, WireListingParser.Parse(GoogleRpcListing))
            .Where(p => !p.EndsWith(": not in the reference contract", StringComparison.Ordinal) || used.Any(n => p.StartsWith($"message google.rpc.{n}:", StringComparison.Ordinal)))
            .ToList();

        Assert.That(declared.Messages.Keys, Is.SupersetOf(used.Select(n => "google.rpc." + n)));
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void Generated_messages_live_in_their_own_namespace_away_from_common_type_names()
    {
        // Expression, Range, Join, Sort, Filter would otherwise clash with System.Linq.Expressions and users' types.
        var assembly = typeof(SparkConnectClient).Assembly;
        Assert.That(typeof(Relation).Namespace, Is.EqualTo("Spark.Connect.Protocol"));
        Assert.That(assembly.GetTypes().Where(t => t.IsPublic && t.Namespace == "Spark.Connect.Protocol"), Has.Some.Matches<Type>(t => t!.Name == "Expression"));
        string[] common = ["Expression", "Range", "Join", "Sort", "Filter", "Plan", "DataType"];
        Assert.That(assembly.GetTypes().Where(t => t.Namespace == "Spark.Connect" && common.Contains(t.Name)).Select(t => t.FullName), Is.Empty);
    }

    [Test]
    public void Google_rpc_types_come_from_Google_Api_CommonProtos_so_apps_can_reference_both()
    {
        // An app that references Spark.Connect and Google.Api.CommonProtos (Grpc.StatusProto and every Google.Cloud
        // package pull it in) must see one Google.Rpc.Status: Spark.Connect may not define its own copy (CS0433).
        Assert.That(typeof(Google.Rpc.Status).Assembly.GetName().Name, Is.EqualTo("Google.Api.CommonProtos"));
        var ours = typeof(SparkConnectClient).Assembly.GetTypes().Where(t => t.Namespace == "Google.Rpc").Select(t => t.FullName);
        Assert.That(ours, Is.Empty);
    }

    private static void AssertOneofOffers(MessageDescriptor message, string oneofName, string[] kinds)
    {
        var oneof = message.Oneofs.Single(o => o.Name == oneofName);
        var offered = oneof.Fields.Where(f => f.FieldType == FieldType.Message).Select(f => f.MessageType.Name).ToHashSet();
        var missing = kinds.Where(k => !offered.Contains(k)).ToList();

        Assert.That(missing, Is.Empty, $"{message.FullName}.{oneofName} lacks: {string.Join(", ", missing)}");
    }
}
