using PdfSharp.Drawing;
using QRCoder;

namespace CreditSite.Reports.Pdf;

/// <summary>Draws a QR code as vector rectangles (QRCoder's default 1-bit grey PNG is rejected by PDFsharp; vectors
/// also stay sharp at any zoom). All dark modules go into one path so no seams show between neighbours.</summary>
public static class ReportQrCode
{
    public static void Draw(XGraphics graphics, string text, double x, double y, double size)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var cell = size / modules;

        graphics.DrawRectangle(XBrushes.White, x, y, size, size);
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        for (var row = 0; row < modules; row++)
        {
            var line = matrix[row];
            var column = 0;
            while (column < modules)
            {
                if (!line[column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < modules && line[column])
                {
                    column++;
                }

                path.AddRectangle(x + start * cell, y + row * cell, (column - start) * cell, cell);
            }
        }

        graphics.DrawPath(XBrushes.Black, path);
    }
}
