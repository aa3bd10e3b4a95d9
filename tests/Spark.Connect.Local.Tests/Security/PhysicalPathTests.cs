using Spark.Connect.Local.Security;

namespace Spark.Connect.Local.Tests.Security;

/// <summary>Paths resolved as the operating system reaches them, which is what the data-directory check compares.</summary>
public sealed class PhysicalPathTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot()
    {
        _root = PhysicalPath.Resolve(Path.Combine(Path.GetTempPath(), "paths " + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(Path.Combine(_root, "data", "sub"));
        Directory.CreateDirectory(Path.Combine(_root, "elsewhere", "deep"));
    }

    [TearDown]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Links_are_followed_and_dot_dot_applies_after_them()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "data", "link"), Path.Combine(_root, "elsewhere", "deep"));

        Assert.That(PhysicalPath.Resolve(Path.Combine(_root, "data", "link", "file.csv")), Is.EqualTo(Path.Combine(_root, "elsewhere", "deep", "file.csv")));
        Assert.That(PhysicalPath.Resolve(Path.Combine(_root, "data", "link", "..", "x")), Is.EqualTo(Path.Combine(_root, "elsewhere", "x")));
        Assert.That(PhysicalPath.Resolve(Path.Combine(_root, "data", "sub", "..", "new", "file")), Is.EqualTo(Path.Combine(_root, "data", "new", "file")));
    }

    [Test]
    public void A_link_cycle_is_an_error_not_a_hang()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "a"), Path.Combine(_root, "b"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "b"), Path.Combine(_root, "a"));

        Assert.Throws<IOException>(() => PhysicalPath.Resolve(Path.Combine(_root, "a", "file")));
    }

    [TestCase("data", false, true)]
    [TestCase("data", true, false)]
    [TestCase("data/sub/file", true, true)]
    [TestCase("data2/file", false, false)]
    [TestCase("dat", false, false)]
    public void Within_respects_directory_boundaries(string relative, bool strictlyInside, bool within) =>
        Assert.That(PhysicalPath.IsWithin(Path.Combine(_root, relative), Path.Combine(_root, "data"), strictlyInside), Is.EqualTo(within));
}
