using System.ComponentModel;
using System.Diagnostics;

namespace CreditSite.Tests.Shared;

/// <summary>poppler-utils (pdftotext, pdffonts, pdftoppm) and zbar-tools (zbarimg), as installed by scripts/test.sh.</summary>
internal static class PdfTools
{
    /// <summary>Writes <paramref name="pdf"/> to a new file under the temp folder; the caller deletes it.</summary>
    public static async Task<string> WriteTempAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), "creditsite-pdf-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(path, pdf);
        return path;
    }

    /// <summary>The text of <paramref name="pdf"/> as pdftotext reads it (UTF-8, layout order).</summary>
    public static async Task<string> ExtractTextAsync(byte[] pdf)
    {
        var path = await WriteTempAsync(pdf);
        try
        {
            return await RunAsync("pdftotext", "-enc", "UTF-8", path, "-");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs <paramref name="tool"/> and returns its standard output; a non-zero exit throws with its errors.</summary>
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        ExternalProcess.Result result;
        try
        {
            result = await ExternalProcess.RunAsync(start);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} did not start (scripts/test.sh installs it).", e);
        }

        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"{tool} exited with {result.ExitCode}: {result.Error}");
    }
}
