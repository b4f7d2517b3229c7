using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CreditSite.Reports.Pdf;

/// <summary>The two TrueType faces reports are set in: a main Song face for the common Chinese characters, and a
/// fallback face for whatever the main face lacks — above all the CJK extensions B–H in the supplementary planes, which
/// Chinese names use (GB 18030-2022). Each character is set in the first face whose cmap has it.
/// Defaults are Debian's <c>fonts-arphic-gbsn00lp</c> (AR PL SungtiL GB, Arphic Public License) and
/// <c>fonts-babelstone-han</c> (BabelStone Han, Arphic Public License and CC BY-SA), installed by
/// <c>scripts/run.sh</c> and <c>scripts/test.sh</c>. PDFsharp reads single-face TrueType files only (no .ttc, no CFF).</summary>
public sealed class ReportFont
{
    public const string DefaultPath = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
    public const string DefaultFallbackPath = "/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf";

    private ReportFont(Face main, Face fallback)
    {
        Main = main;
        Fallback = fallback;
    }

    internal Face Main { get; }

    /// <summary>The main face's family name as PDFsharp knows it (bench/ReportPdf draws its baseline in it).</summary>
    public string FamilyName => Main.FamilyName;

    internal Face Fallback { get; }

    /// <summary>Reads both faces. A missing or unreadable file throws <see cref="ReportFontMissingException"/> and
    /// leaves nothing behind, so a later call succeeds once the file is there (nothing caches the failure).</summary>
    public static ReportFont Load(string? path = null, string? fallbackPath = null) =>
        new(Face.Load(string.IsNullOrWhiteSpace(path) ? DefaultPath : path),
            Face.Load(string.IsNullOrWhiteSpace(fallbackPath) ? DefaultFallbackPath : fallbackPath));

    /// <summary>The family to set <paramref name="codePoint"/> in: the main face when it has the character, else the
    /// fallback when it has it, else the main face (which shows its missing-glyph box).</summary>
    internal Face FaceFor(int codePoint) =>
        Main.Coverage.Covers(codePoint) || !Fallback.Coverage.Covers(codePoint) ? Main : Fallback;

    /// <summary>One face file, registered with PDFsharp's process-wide resolver under a family name of its own.</summary>
    internal sealed class Face
    {
        private static readonly ConcurrentDictionary<string, Face> Loaded = new(StringComparer.Ordinal);
        private static int _count;

        private Face(string familyName, byte[] data, FontCoverage coverage)
        {
            FamilyName = familyName;
            Data = data;
            Coverage = coverage;
        }

        public string FamilyName { get; }

        public byte[] Data { get; }

        public FontCoverage Coverage { get; }

        public static Face Load(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (Loaded.TryGetValue(full, out var face))
            {
                return face;
            }

            if (!File.Exists(full))
            {
                throw new ReportFontMissingException(full);
            }

            byte[] data;
            FontCoverage coverage;
            try
            {
                data = File.ReadAllBytes(full);
                coverage = FontCoverage.Read(data);
                data = CompactCharacterMap.Rewrite(data);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentOutOfRangeException)
            {
                throw new ReportFontMissingException($"报告字体文件无法读取：{full}（{e.Message}）", e);
            }

            Resolver.EnsureInstalled();
            return Loaded.GetOrAdd(full, _ => new Face($"CreditSite Face {Interlocked.Increment(ref _count)}", data, coverage));
        }

        internal static Face? Named(string familyName) => Loaded.Values.FirstOrDefault(f => f.FamilyName == familyName);
    }

    /// <summary>PDFsharp finds fonts only through one process-wide <see cref="IFontResolver"/>, which cannot be swapped
    /// once used: one resolver serves every loaded face by its family name.</summary>
    private sealed class Resolver : IFontResolver
    {
        private static readonly Lock InstallLock = new();
        private static bool _installed;

        public static void EnsureInstalled()
        {
            lock (InstallLock)
            {
                if (!_installed)
                {
                    GlobalFontSettings.FontResolver = new Resolver();
                    _installed = true;
                }
            }
        }

        // Bold is simulated: the Song faces have no bold weight.
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            Face.Named(familyName) is null ? null : new FontResolverInfo(familyName, mustSimulateBold: bold, mustSimulateItalic: italic);

        public byte[]? GetFont(string faceName) => Face.Named(faceName)?.Data;
    }
}

/// <summary>A configured report font file is missing or unreadable: PDFs cannot be made until it is fixed.</summary>
public sealed class ReportFontMissingException : Exception
{
    public ReportFontMissingException() : base("报告字体文件不存在。") { }

    public ReportFontMissingException(string path)
        : base($"报告字体文件不存在：{path}（运行 scripts/run.sh 会安装 fonts-arphic-gbsn00lp 与 fonts-babelstone-han，或设置 Reports:FontPath、Reports:FallbackFontPath）。") => FontPath = path;

    public ReportFontMissingException(string message, Exception innerException) : base(message, innerException) { }

    public string? FontPath { get; }
}
