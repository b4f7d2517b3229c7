namespace CreditSite.Import;

/// <summary>Writes rows in the import CSV format: UTF-8 (no byte order mark), a header row, RFC 4180 quoting.</summary>
public static class ListCsvWriter
{
    public static void WriteHeader(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', ListImportColumns.All));
        writer.Write('\n');
    }

    /// <summary><paramref name="values"/> in the order of <see cref="ListImportColumns.All"/>.</summary>
    public static void WriteRow(TextWriter writer, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            WriteValue(writer, values[i] ?? string.Empty);
        }

        writer.Write('\n');
    }

    private static void WriteValue(TextWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
