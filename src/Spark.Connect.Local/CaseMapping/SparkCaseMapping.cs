using System.Buffers;
using System.Text;

namespace Spark.Connect.Local.CaseMapping;

/// <summary>
/// Spark 4's <c>upper</c>, <c>lower</c> and <c>initcap</c> for its default collation (UTF8_BINARY) with
/// <c>spark.sql.icu.caseMappings.enabled</c> at its default, true: ICU's case mappings for the root locale
/// (<c>CollationAwareUTF8String.toUpperCase/toLowerCase/toTitleCaseICU</c>), on UTF-8 bytes.
/// <list type="bullet">
/// <item><c>upper</c>: full mappings (<c>ß</c> → <c>SS</c>, <c>ﬁ</c> → <c>FI</c>, <c>ŉ</c> → <c>ʼN</c>), no context.</item>
/// <item><c>lower</c>: simple mappings, <c>İ</c> → <c>i̇</c> (i + U+0307), and <c>Σ</c> → <c>ς</c> when it ends a word
/// (Unicode's Final_Sigma: a cased letter before it and none after it, case-ignorable characters skipped).</item>
/// <item><c>initcap</c>: the first character of the text and every character after an ASCII space is
/// titlecased with its full mapping (<c>ß</c> → <c>Ss</c>, <c>ǆ</c> → <c>ǅ</c>); every other one is lowercased as
/// <c>lower</c> does, one code point at a time. Only U+0020 starts a word (not tabs, not punctuation).</item>
/// </list>
/// ASCII text takes a vectorized path with the same result. Invalid UTF-8 is read as Spark reads it: each
/// maximal invalid subsequence becomes U+FFFD. The output needs at most <see cref="MaxBytesPerInputByte"/>
/// bytes per input byte.
/// </summary>
internal static class SparkCaseMapping
{
    /// <summary>The most output bytes one input byte can become (<c>ΐ</c>: 2 bytes → 3 code points in 6 bytes; an invalid byte → U+FFFD).</summary>
    public const int MaxBytesPerInputByte = 3;

    private const int CapitalSigma = 0x03A3, SmallSigma = 0x03C3, FinalSigma = 0x03C2;
    private const int CapitalIWithDot = 0x0130, CombiningDotAbove = 0x0307;

    /// <summary>Writes the uppercase of <paramref name="text"/> to <paramref name="output"/>; returns its length.</summary>
    public static int Upper(ReadOnlySpan<byte> text, Span<byte> output)
    {
        if (Ascii.IsValid(text))
            return MapAscii(text, output, upper: true);
        var writer = new Utf8Writer(output);
        for (var i = 0; i < text.Length;)
        {
            if (text[i] < 0x80)
            {
                writer.Byte(AsciiUpper(text[i++]));
                continue;
            }
            var codePoint = Next(text, ref i);
            if (UnicodeCase.HasSpecialCasing(codePoint))
                writer.Bytes(SpecialCasing.Find(codePoint)!.Upper);
            else
                writer.CodePoint(UnicodeCase.SimpleUpper(codePoint));
        }
        return writer.Length;
    }

    /// <summary>Writes the lowercase of <paramref name="text"/> to <paramref name="output"/>; returns its length.</summary>
    public static int Lower(ReadOnlySpan<byte> text, Span<byte> output)
    {
        if (Ascii.IsValid(text))
            return MapAscii(text, output, upper: false);
        var writer = new Utf8Writer(output);
        var precededByCased = false;
        for (var i = 0; i < text.Length;)
        {
            if (text[i] < 0x80)
            {
                // ASCII letters are cased; ' . : ^ ` are case-ignorable; the rest is neither.
                var b = text[i++];
                writer.Byte(AsciiLower(b));
                precededByCased = AfterCodePoint(b, precededByCased);
                continue;
            }
            var codePoint = Next(text, ref i);
            WriteLower(ref writer, codePoint, text, i, precededByCased);
            precededByCased = AfterCodePoint(codePoint, precededByCased);
        }
        return writer.Length;
    }

    /// <summary>Writes Spark's <c>initcap</c> of <paramref name="text"/> to <paramref name="output"/>; returns its length.</summary>
    public static int InitCap(ReadOnlySpan<byte> text, Span<byte> output)
    {
        if (Ascii.IsValid(text))
            return InitCapAscii(text, output);
        var writer = new Utf8Writer(output);
        var startsWord = true;
        var precededByCased = false;
        for (var i = 0; i < text.Length;)
        {
            var codePoint = Next(text, ref i);
            if (!startsWord)
                WriteLower(ref writer, codePoint, text, i, precededByCased);
            else if (UnicodeCase.HasSpecialCasing(codePoint))
                writer.Bytes(SpecialCasing.Find(codePoint)!.Title);
            else
                writer.CodePoint(UnicodeCase.SimpleTitle(codePoint));
            startsWord = codePoint == ' ';
            precededByCased = AfterCodePoint(codePoint, precededByCased);
        }
        return writer.Length;
    }

    /// <summary>
    /// One code point lowercased in context: <c>İ</c> → <c>i̇</c>, <c>Σ</c> → <c>ς</c> or <c>σ</c>, anything else its
    /// simple lowercase. <paramref name="next"/> is where the text after <paramref name="codePoint"/> starts.
    /// </summary>
    private static void WriteLower(ref Utf8Writer writer, int codePoint, ReadOnlySpan<byte> text, int next, bool precededByCased)
    {
        switch (codePoint)
        {
            case CapitalIWithDot:
                writer.Byte((byte)'i');
                writer.CodePoint(CombiningDotAbove);
                break;
            case CapitalSigma:
                writer.CodePoint(precededByCased && !FollowedByCased(text, next) ? FinalSigma : SmallSigma);
                break;
            default:
                writer.CodePoint(UnicodeCase.SimpleLower(codePoint));
                break;
        }
    }

    /// <summary>Whether a cased letter precedes what follows <paramref name="codePoint"/>: case-ignorable characters don't change it.</summary>
    private static bool AfterCodePoint(int codePoint, bool precededByCased) =>
        UnicodeCase.IsCaseIgnorable(codePoint) ? precededByCased : UnicodeCase.IsCased(codePoint);

    /// <summary>Whether the first character from <paramref name="i"/> on that is not case-ignorable is cased.</summary>
    private static bool FollowedByCased(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length)
        {
            var codePoint = Next(text, ref i);
            if (!UnicodeCase.IsCaseIgnorable(codePoint))
                return UnicodeCase.IsCased(codePoint);
        }
        return false;
    }

    /// <summary>The code point at <paramref name="i"/>, moving past it; an invalid sequence reads as U+FFFD.</summary>
    private static int Next(ReadOnlySpan<byte> text, ref int i)
    {
        if (text[i] < 0x80)
            return text[i++];
        // Done, or InvalidData / NeedMoreData with the replacement character and the maximal invalid subsequence consumed.
        Rune.DecodeFromUtf8(text[i..], out var rune, out var consumed);
        i += consumed;
        return rune.Value;
    }

    private static int InitCapAscii(ReadOnlySpan<byte> text, Span<byte> output)
    {
        var startsWord = true;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            output[i] = startsWord ? AsciiUpper(b) : AsciiLower(b);
            startsWord = b == ' ';
        }
        return text.Length;
    }

    private static byte AsciiUpper(byte b) => b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;

    private static byte AsciiLower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;

    private static int MapAscii(ReadOnlySpan<byte> text, Span<byte> output, bool upper)
    {
        var status = upper ? Ascii.ToUpper(text, output, out var written) : Ascii.ToLower(text, output, out written);
        if (status != OperationStatus.Done)
            throw new InvalidOperationException($"ASCII case mapping stopped with {status} after {written} of {text.Length} bytes.");
        return written;
    }

    /// <summary>Appends UTF-8 to a span sized by the caller (<see cref="MaxBytesPerInputByte"/> per input byte).</summary>
    private ref struct Utf8Writer
    {
        private readonly Span<byte> _output;

        public Utf8Writer(Span<byte> output) => _output = output;

        public int Length { get; private set; }

        public void Byte(byte value) => _output[Length++] = value;

        public void CodePoint(int codePoint)
        {
            if (codePoint < 0x80)
                _output[Length++] = (byte)codePoint;
            else
                Length += new Rune(codePoint).EncodeToUtf8(_output[Length..]);
        }

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_output[Length..]);
            Length += bytes.Length;
        }
    }
}
