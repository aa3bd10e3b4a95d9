namespace Spark.Connect.Local.CaseMapping;

/// <summary>
/// Case mappings of single code points, as ICU's root locale has them (the data of <see cref="UnicodeCaseRuns"/>,
/// <see cref="UnicodeCaseProperties"/> and <see cref="SpecialCasing"/>). Our own tables rather than .NET's
/// <c>Rune.ToUpperInvariant</c>: .NET's answer depends on the platform (on Linux the system's ICU, so its Unicode
/// version) and keeps <c>ı</c> and <c>İ</c> as they are, where Unicode (and Spark) maps them.
/// </summary>
internal static class UnicodeCase
{
    private const int CasedFlag = 1;
    private const int CaseIgnorableFlag = 2;
    private const int SpecialCasingFlag = 4;

    private static readonly CodePointTable UpperDelta = CodePointTable.Build(CodePointTable.Runs(UnicodeCaseRuns.Upper.ToArray()));
    private static readonly CodePointTable LowerDelta = CodePointTable.Build(CodePointTable.Runs(UnicodeCaseRuns.Lower.ToArray()));

    // Both flags may be set (U+0345, modifier letters): such a character counts as case-ignorable.
    private static readonly CodePointTable Properties = CodePointTable.Build(
        CodePointTable.Ranges(UnicodeCaseProperties.Cased.ToArray(), CasedFlag)
            .Concat(CodePointTable.Ranges(UnicodeCaseProperties.CaseIgnorable.ToArray(), CaseIgnorableFlag))
            .Concat(SpecialCasing.CodePoints.Select(c => (CodePoint: c, Value: SpecialCasingFlag)))
            .GroupBy(p => p.CodePoint, (codePoint, flags) => (codePoint, flags.Aggregate(0, (all, f) => all | f.Value))));

    /// <summary>The simple (one code point) uppercase of <paramref name="codePoint"/>.</summary>
    public static int SimpleUpper(int codePoint) => codePoint + UpperDelta[codePoint];

    /// <summary>The simple (one code point) lowercase of <paramref name="codePoint"/> (<c>İ</c> → <c>i</c>: callers map it to <c>i̇</c>).</summary>
    public static int SimpleLower(int codePoint) => codePoint == 0x0130 ? 'i' : codePoint + LowerDelta[codePoint];

    /// <summary>
    /// The simple titlecase: the uppercase except for the Latin digraphs, whose titlecase is the capital +
    /// small form (<c>ǆ</c> → <c>ǅ</c>), and the Georgian Mkhedruli letters, which are their own titlecase
    /// although they uppercase to Mtavruli (UnicodeData.txt's titlecase field).
    /// </summary>
    public static int SimpleTitle(int codePoint) => codePoint switch
    {
        >= 0x01C4 and <= 0x01C6 => 0x01C5,
        >= 0x01C7 and <= 0x01C9 => 0x01C8,
        >= 0x01CA and <= 0x01CC => 0x01CB,
        >= 0x01F1 and <= 0x01F3 => 0x01F2,
        (>= 0x10D0 and <= 0x10FA) or (>= 0x10FD and <= 0x10FF) => codePoint,
        _ => SimpleUpper(codePoint),
    };

    /// <summary>Whether <see cref="SpecialCasing"/> lists <paramref name="codePoint"/> (a flag in a table, cheaper than the lookup).</summary>
    public static bool HasSpecialCasing(int codePoint) => (Properties[codePoint] & SpecialCasingFlag) != 0;

    /// <summary>Unicode's Cased property (letters with case, and a few symbols and marks that have it).</summary>
    public static bool IsCased(int codePoint) => (Properties[codePoint] & CasedFlag) != 0;

    /// <summary>Unicode's Case_Ignorable property (marks, format characters, modifiers, <c>' . :</c> and the like).</summary>
    public static bool IsCaseIgnorable(int codePoint) => (Properties[codePoint] & CaseIgnorableFlag) != 0;
}
