namespace CreditSite.Platforms;

/// <summary>Strings in Unicode code point order: the order of their UTF-8 bytes, which is how the store sorts record
/// ids for the feed (SQLite's BINARY, PostgreSQL's "C" collation). UTF-16 ordinal order differs above U+D7FF.</summary>
public sealed class CodePointOrder : IComparer<string>
{
    public static readonly CodePointOrder Instance = new();

    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        var left = a.EnumerateRunes();
        var right = b.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft ? 1 : hasRight ? -1 : 0;
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }

    int IComparer<string>.Compare(string? x, string? y) => Compare(x, y);
}
