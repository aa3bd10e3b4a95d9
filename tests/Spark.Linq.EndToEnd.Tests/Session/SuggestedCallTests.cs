using Spark.Connect.Local;

namespace Spark.Linq.EndToEnd.Tests.Session;

/// <summary>
/// The SparkFunctions.Call forms the rejection messages of PadLeft, LastIndexOf and Split offer, run on the local
/// server: each must give what the C# method gives, or the message would lead to a different answer.
/// </summary>
public sealed class SuggestedCallTests
{
    public sealed class Word
    {
        public int Id { get; set; }
        public string Text { get; set; } = "";
    }

    private static readonly string[] Texts = ["", "a", "abcab", "ab|cd||e|", "xyz", "longer than width", "ab.ab.ab", "||"];

    private LocalSparkServer _server = null!;
    private SparkSession _spark = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = await LocalSparkServer.StartAsync();
        _server.CreateTable("words", Texts.Select((t, i) => new Word { Id = i, Text = t }).ToList());
        _spark = SparkSession.Connect(_server.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _spark.DisposeAsync();
        await _server.DisposeAsync();
    }

    private ISparkQueryable<Word> Words => _spark.Table<Word>("words");

    [Test]
    public async Task The_suggested_lpad_form_pads_like_PadLeft()
    {
        var rows = await Words.OrderBy(w => w.Id).Select(w => w.Text.Length >= 6 ? w.Text : SparkFunctions.Call<string>("lpad", w.Text, 6, "*")).ToListAsync();
        Assert.That(rows, Is.EqualTo(Texts.Select(t => t.PadLeft(6, '*'))));
    }

    [Test]
    public async Task The_suggested_locate_over_reverse_form_finds_what_LastIndexOf_finds()
    {
        var rows = await Words.OrderBy(w => w.Id).Select(w => new
        {
            Char = SparkFunctions.Call<int>("locate", "a", SparkFunctions.Call<string>("reverse", w.Text)) == 0 ? -1
                : w.Text.Length - 1 + 1 - SparkFunctions.Call<int>("locate", "a", SparkFunctions.Call<string>("reverse", w.Text)),
            Text = SparkFunctions.Call<int>("locate", "ba", SparkFunctions.Call<string>("reverse", w.Text)) == 0 ? -1
                : w.Text.Length - 2 + 1 - SparkFunctions.Call<int>("locate", "ba", SparkFunctions.Call<string>("reverse", w.Text)),
        }).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Char), Is.EqualTo(Texts.Select(t => t.LastIndexOf('a'))));
            Assert.That(rows.Select(r => r.Text), Is.EqualTo(Texts.Select(t => t.LastIndexOf("ab", StringComparison.Ordinal))));
        });
    }

    [Test]
    public async Task The_suggested_split_forms_split_like_Split()
    {
        var rows = await Words.OrderBy(w => w.Id).Select(w => new
        {
            All = SparkFunctions.Call<string[]>("split", w.Text, "\\|"),
            NonEmpty = SparkFunctions.Call<string[]>("split", w.Text, "\\|").Where(s => s != "").ToArray(),
            Dots = SparkFunctions.Call<string[]>("split", w.Text, "\\."),
        }).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.All), Is.EqualTo(Texts.Select(t => t.Split('|'))));
            Assert.That(rows.Select(r => r.NonEmpty), Is.EqualTo(Texts.Select(t => t.Split('|', StringSplitOptions.RemoveEmptyEntries))));
            Assert.That(rows.Select(r => r.Dots), Is.EqualTo(Texts.Select(t => t.Split('.'))));
        });
    }
}
