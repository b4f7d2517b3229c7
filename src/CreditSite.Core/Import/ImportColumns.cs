namespace CreditSite.Import;

/// <summary>The columns one kind of import file may have (CSV header names, JSON Lines keys): all of them in the order
/// of the documentation, those a CSV header must name, the key that must be unique within a file, and those that hold a
/// list (a JSON array is accepted there). One instance per kind: <see cref="ListImportColumns.Set"/> and
/// <see cref="RecordImportColumns"/>.</summary>
public sealed class ImportColumns
{
    private readonly Dictionary<string, int> _ordinals;
    private readonly HashSet<string> _lists;

    public ImportColumns(string key, IReadOnlyList<string> all, IReadOnlyList<string> required, IReadOnlyList<string>? lists = null)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(required);
        Key = key;
        All = all;
        Required = required;
        _ordinals = all.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        _lists = new HashSet<string>(lists ?? [], StringComparer.Ordinal);
        if (!_ordinals.ContainsKey(key) || required.Concat(_lists).Any(c => !_ordinals.ContainsKey(c)))
        {
            throw new ArgumentException("The key, required and list columns must be among all columns.", nameof(all));
        }
    }

    /// <summary>The column whose value must be unique within a file (<c>entry_id</c>, <c>record_id</c>, <c>uscc</c>).</summary>
    public string Key { get; }

    /// <summary>In the order the documentation and the example files use.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>A CSV header must name these; the others may be left out when a file has no values for them.</summary>
    public IReadOnlyList<string> Required { get; }

    public int Count => All.Count;

    /// <summary>The column's position in <see cref="All"/>, or -1 for an unknown name.</summary>
    public int OrdinalOf(string name) => _ordinals.TryGetValue(name, out var i) ? i : -1;

    public bool Contains(string name) => _ordinals.ContainsKey(name);

    /// <summary>Columns that hold several values (<c>penalty_types</c>, <c>former_names</c>): a JSON Lines file may give
    /// them as an array of strings.</summary>
    public bool IsList(string name) => _lists.Contains(name);
}

/// <summary>One data row as read from the file: raw text per column (null when the file has no such column), and the
/// line it starts on (a quoted CSV value may span several lines).</summary>
public class ImportRow
{
    private readonly string?[] _values;

    public ImportRow(int line, ImportColumns columns, string?[] values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        Line = line;
        Columns = columns;
        _values = values;
    }

    public int Line { get; }

    public ImportColumns Columns { get; }

    /// <summary>The raw value; null when the file has no such column (or the kind has none).</summary>
    public string? this[string column] => Columns.OrdinalOf(column) is >= 0 and var i ? _values[i] : null;

    /// <summary>Trimmed value; empty when missing.</summary>
    public string Value(string column) => (this[column] ?? string.Empty).Trim();
}

/// <summary>A row of a list-entry file (the columns of <see cref="ListImportColumns"/>), as the demonstration data
/// builds them.</summary>
public sealed class ListImportRow(int line, string?[] values) : ImportRow(line, ListImportColumns.Set, values);
