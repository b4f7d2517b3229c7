using PdfSharp.Fonts;

namespace CreditSite.Reports.Pdf;

/// <summary>The CJK TrueType font reports are set in. PDFsharp finds fonts only through one process-wide
/// <see cref="IFontResolver"/>; this installs it once. Default: Debian's <c>fonts-arphic-gbsn00lp</c>
/// (AR PL SungtiL GB, under the Arphic Public License), a single-face TTF (PDFsharp cannot read .ttc collections).</summary>
public sealed class ReportFont : IFontResolver
{
    public const string DefaultPath = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";

    /// <summary>The family name the renderer asks for.</summary>
    public const string FamilyName = "CreditSite Song";

    private const string FaceName = "creditsite-song";
    private static readonly Lock InstallLock = new();
    private static ReportFont? installed;

    private readonly byte[] _data;

    private ReportFont(string path, byte[] data)
    {
        Path = path;
        _data = data;
    }

    public string Path { get; }

    /// <summary>Installs the font from <paramref name="path"/> as PDFsharp's resolver, once per process; later calls
    /// return the installed one (PDFsharp does not allow swapping resolvers after use).</summary>
    public static ReportFont Install(string? path = null)
    {
        lock (InstallLock)
        {
            if (installed is not null)
            {
                return installed;
            }

            var file = string.IsNullOrWhiteSpace(path) ? DefaultPath : path;
            if (!File.Exists(file))
            {
                throw new ReportFontMissingException(file);
            }

            installed = new ReportFont(file, File.ReadAllBytes(file));
            GlobalFontSettings.FontResolver = installed;
            return installed;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family resolves to the one CJK face; bold is simulated (the Song face has no bold weight).
        new(FaceName, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => _data;
}

/// <summary>The configured CJK font file is not there: PDFs cannot be made until it is installed.</summary>
public sealed class ReportFontMissingException : Exception
{
    public ReportFontMissingException() : base("报告字体文件不存在。") { }

    public ReportFontMissingException(string path)
        : base($"报告字体文件不存在：{path}（Debian 可安装 fonts-arphic-gbsn00lp，或设置 Reports:FontPath）。") => FontPath = path;

    public ReportFontMissingException(string message, Exception innerException) : base(message, innerException) { }

    public string? FontPath { get; }
}
