using System.Globalization;
using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;

namespace CreditSite.Import;

public enum ImportFileFormat
{
    Csv,
    JsonLines,
}

/// <summary>Reads an import file of any kind as a stream of rows: UTF-8 CSV with a header row (RFC 4180 quoting:
/// commas, quotes and line breaks inside quoted values), or JSON Lines (one object per line). A UTF-8 byte order mark is
/// skipped. The kind's <see cref="ImportColumns"/> say which columns exist and which a header must name. Problems with
/// the file itself (encoding, header, a malformed line) go into the report; rows are yielded as read.</summary>
public sealed class ImportFileReader : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    private readonly string _path;
    private readonly ImportColumns _columns;
    private FileStream? _stream;

    public ImportFileReader(string path, ImportColumns columns, ImportFileFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(columns);
        _path = path;
        _columns = columns;
        Format = format ?? Detect(path);
    }

    public ImportFileFormat Format { get; }

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }

    /// <summary>Bytes read so far (approximate: the reader buffers ahead); for progress bars.</summary>
    public long Position => _stream is { CanSeek: true } s ? s.Position : 0;

    public long Length { get; private set; }

    /// <summary>By extension (<c>.jsonl</c>, <c>.ndjson</c> → JSON Lines; <c>.csv</c> → CSV), otherwise by the first
    /// character: <c>{</c> means JSON Lines.</summary>
    public static ImportFileFormat Detect(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".jsonl" or ".ndjson")
        {
            return ImportFileFormat.JsonLines;
        }

        if (extension == ".csv")
        {
            return ImportFileFormat.Csv;
        }

        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[64];
        var read = stream.Read(head);
        var text = head[..read];
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        foreach (var b in text)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'{' ? ImportFileFormat.JsonLines : ImportFileFormat.Csv;
        }

        return ImportFileFormat.Csv;
    }

    /// <summary>Yields the data rows; adds file-level problems to <paramref name="report"/>. Stops at the first problem
    /// that makes the rest unreadable (bad encoding, bad header).</summary>
    public IEnumerable<ImportRow> ReadRows(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Format = Format;
        _stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Length = _stream.Length;
        try
        {
            if (Length == 0 || IsOnlyByteOrderMark())
            {
                report.Add(1, null, "文件为空：没有表头，也没有数据行。");
                yield break;
            }

            using var text = new StreamReader(_stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
            var rows = Format == ImportFileFormat.Csv ? ReadCsv(text, report) : ReadJsonLines(text, report);
            using var enumerator = rows.GetEnumerator();
            while (true)
            {
                ImportRow row;
                try
                {
                    if (!enumerator.MoveNext())
                    {
                        break;
                    }

                    row = enumerator.Current;
                }
                catch (DecoderFallbackException)
                {
                    var line = FindFirstInvalidUtf8Line(_path);
                    report.Add(line, null,
                        "文件不是有效的 UTF-8 编码（从这一行起出现了无法识别的字节，可能是 GBK/GB2312 编码）。请将文件另存为 UTF-8 后重新导入。");
                    yield break;
                }

                yield return row;
            }

            if (report.Rows == 0 && report.Accepted)
            {
                report.Add(Format == ImportFileFormat.Csv ? 2 : 1, null, "文件中没有数据行。");
            }
        }
        finally
        {
            _stream.Dispose();
            _stream = null;
        }
    }

    private bool IsOnlyByteOrderMark()
    {
        if (Length != 3)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[3];
        _stream!.ReadExactly(head);
        _stream.Position = 0;
        return head.SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
    }

    private IEnumerable<ImportRow> ReadCsv(TextReader text, ImportReport report)
    {
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
        if (!reader.MoveNext())
        {
            report.Add(1, null, "文件为空：没有表头，也没有数据行。");
            yield break;
        }

        var ordinals = ReadHeader(reader.Current, report);
        if (ordinals is null)
        {
            yield break;
        }

        while (reader.MoveNext())
        {
            var row = reader.Current;
            if (row.ColCount == 1 && row.Span.Trim().IsEmpty)
            {
                continue; // a blank line
            }

            report.Rows++;
            if (row.ColCount != ordinals.Length)
            {
                report.Add(row.LineNumberFrom, null, string.Create(CultureInfo.InvariantCulture,
                    $"本行有 {row.ColCount} 列，表头有 {ordinals.Length} 列（含逗号或换行的值须用英文双引号括起，值中的双引号写成两个）。"));
                continue;
            }

            var values = new string?[_columns.Count];
            for (var i = 0; i < ordinals.Length; i++)
            {
                values[ordinals[i]] = row[i].ToString();
            }

            yield return new ImportRow(row.LineNumberFrom, _columns, values);
        }
    }

    /// <summary>Maps each header position to a column ordinal; null (with problems reported) when the header is bad.</summary>
    private int[]? ReadHeader(SepReader.Row header, ImportReport report)
    {
        var ordinals = new int[header.ColCount];
        var seen = new HashSet<int>();
        var before = report.Problems.Count;
        for (var i = 0; i < header.ColCount; i++)
        {
            var name = header[i].ToString().Trim().TrimStart('\uFEFF').ToLowerInvariant();
            var ordinal = _columns.OrdinalOf(name);
            if (ordinal < 0)
            {
                report.Add(1, Echo.Safe(name),
                    $"表头中有未知的列“{Echo.Safe(name)}”。可用的列：{string.Join("、", _columns.All)}。");
            }
            else if (!seen.Add(ordinal))
            {
                report.Add(1, name, "表头中这一列出现了不止一次。");
            }

            ordinals[i] = ordinal;
        }

        foreach (var required in _columns.Required)
        {
            if (!seen.Contains(_columns.OrdinalOf(required)))
            {
                report.Add(1, required, "表头缺少必需的列。");
            }
        }

        return report.Problems.Count == before ? ordinals : null;
    }

    private IEnumerable<ImportRow> ReadJsonLines(TextReader text, ImportReport report)
    {
        var lineNumber = 0;
        while (text.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            report.Rows++;
            var values = ParseJsonLine(line, lineNumber, report);
            if (values is not null)
            {
                yield return new ImportRow(lineNumber, _columns, values);
            }
        }
    }

    private string?[]? ParseJsonLine(string line, int lineNumber, ImportReport report)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            var position = e.BytePositionInLine is { } p ? string.Create(CultureInfo.InvariantCulture, $"（约第 {p + 1} 个字节处）") : string.Empty;
            report.Add(lineNumber, null, $"不是有效的 JSON{position}：每行应是一个完整的 JSON 对象。");
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                report.Add(lineNumber, null, "每行应是一个 JSON 对象（{ … }）。");
                return null;
            }

            var values = new string?[_columns.Count];
            var ok = true;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = property.Name.Trim().ToLowerInvariant();
                var ordinal = _columns.OrdinalOf(name);
                if (ordinal < 0)
                {
                    report.Add(lineNumber, Echo.Safe(name), $"未知的字段“{Echo.Safe(name)}”。可用的字段：{string.Join("、", _columns.All)}。");
                    ok = false;
                    continue;
                }

                if (values[ordinal] is not null)
                {
                    report.Add(lineNumber, name, "字段出现了不止一次。");
                    ok = false;
                    continue;
                }

                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        values[ordinal] = property.Value.GetString();
                        break;
                    case JsonValueKind.Number:
                        values[ordinal] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        values[ordinal] = property.Value.ValueKind == JsonValueKind.True ? "true" : "false";
                        break;
                    case JsonValueKind.Null:
                        values[ordinal] = string.Empty;
                        break;
                    case JsonValueKind.Array when _columns.IsList(name):
                        values[ordinal] = JoinArray(property.Value, lineNumber, name, report);
                        ok &= values[ordinal] is not null;
                        break;
                    default:
                        report.Add(lineNumber, name, _columns.IsList(name) ? "值应为字符串或字符串数组。" : "值应为字符串。");
                        ok = false;
                        break;
                }
            }

            return ok ? values : null;
        }
    }

    /// <summary>A list column given as a JSON array (<c>["罚款", "警告"]</c>): its strings joined with <c>;</c>, the
    /// separator the CSV form uses; null (with the problem reported) when an element is not a string.</summary>
    private static string? JoinArray(JsonElement array, int lineNumber, string name, ImportReport report)
    {
        var items = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                report.Add(lineNumber, name, "数组中的每一项都应为字符串。");
                return null;
            }

            items.Add(item.GetString()!);
        }

        return string.Join(';', items);
    }

    /// <summary>The line holding the first byte sequence that is not UTF-8; only run after decoding failed.</summary>
    internal static int FindFirstInvalidUtf8Line(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length];
        var line = 1;
        var carried = 0;
        int read;
        while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0 || carried > 0)
        {
            var length = carried + read;
            var final = read == 0;
            var status = System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var consumed, out _,
                replaceInvalidSequences: false, isFinalBlock: final);
            line += buffer.AsSpan(0, consumed).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData || (final && consumed < length))
            {
                return line;
            }

            // A character split across two reads: keep its first bytes for the next round.
            carried = length - consumed;
            buffer.AsSpan(consumed, carried).CopyTo(buffer);
            if (final)
            {
                break;
            }
        }

        return line;
    }
}
