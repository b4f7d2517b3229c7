using System.Buffers;
using System.Globalization;
using CreditSite.Domain;
using CreditSite.Identifiers;

namespace CreditSite.Import;

/// <summary>Who a row is about, as stored: an organisation by its USCC, a person (or an individual business without a
/// USCC) by the keyed hash and masked form of the resident ID number. <see cref="SubjectKey"/> is the subject's id in
/// URLs, computed as for list entries.</summary>
public readonly record struct SubjectIdentity(string? Uscc, string? ResidentIdHash, string? MaskedIdNumber, string? SubjectKey);

/// <summary>The checks every kind of import row shares, bound to one row and the report its problems go to: required
/// values, code lengths, free text (length, control characters, no full resident ID number inside), dates, amounts,
/// flags, USCCs and the subject's identity. Each problem names the row's line, the column and a Chinese reason.</summary>
internal sealed class RowChecks(ImportRow row, ImportReport report)
{
    /// <summary>Control characters (Unicode Cc) other than tab, line feed and carriage return.</summary>
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c).Where(c => c is not '\t' and not '\n' and not '\r'), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c)]);

    public int Line => row.Line;

    public ImportRow Row => row;

    public void Add(string column, string message) => report.Add(row.Line, column, message);

    /// <summary>A code or id: trimmed, not empty, at most <paramref name="maxLength"/> characters.</summary>
    public string Required(string column, int maxLength = 64)
    {
        var value = row.Value(column);
        if (value.Length == 0)
        {
            Add(column, "必填项为空。");
        }
        else if (value.Length > maxLength)
        {
            Add(column, TooLong(value.Length, maxLength));
        }

        return value;
    }

    /// <summary>An id unique within the file (<c>entry_id</c>, <c>record_id</c>): letters, digits and <c>- _ . :</c>.</summary>
    public string Id(string column, int maxLength)
    {
        var value = Required(column, maxLength);
        if (value.Length > 0 && !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            Add(column, "只能包含英文字母、数字和 - _ . : 字符。");
        }

        return value;
    }

    /// <summary>Names, numbers and texts: length, no control characters, and no full resident ID number inside (the
    /// store must never hold one, whatever column it was typed into).</summary>
    public string Text(string column, int maxLength, bool required)
    {
        var value = required ? Required(column, maxLength) : row.Value(column);
        if (!required && value.Length > maxLength)
        {
            Add(column, TooLong(value.Length, maxLength));
        }

        if (value.AsSpan().ContainsAny(ControlCharacters))
        {
            Add(column, "含有控制字符。");
        }

        if (ContainsResidentIdNumber(value))
        {
            Add(column, "含有完整的居民身份证号码。请删除或遮蔽（如 320402********0012）后再导入。");
        }

        return value;
    }

    /// <summary>Optional text: null when empty.</summary>
    public string? OptionalText(string column, int maxLength) => Text(column, maxLength, required: false) is { Length: > 0 } value ? value : null;

    /// <summary>A <c>yyyy-MM-dd</c> date; null when empty (reported when <paramref name="required"/>) or malformed.</summary>
    public DateOnly? Date(string column, bool required = true)
    {
        var text = required ? Required(column) : row.Value(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (TryParseDate(text, out var date))
        {
            return date;
        }

        Add(column, $"日期“{Echo.Safe(text)}”格式不正确，应为 yyyy-MM-dd（例如 2024-03-15）。");
        return null;
    }

    /// <summary>A date that may not lie after <paramref name="today"/>.</summary>
    public DateOnly? PastDate(string column, DateOnly today, string what, bool required = true)
    {
        var date = Date(column, required);
        if (date > today)
        {
            Add(column, $"{what}晚于今天（{today:yyyy-MM-dd}）。");
        }

        return date;
    }

    /// <summary>An amount in 万元: a plain decimal number, not negative, at most 6 decimals, below 10¹² (the column is
    /// numeric(18,6)). Null when empty or bad.</summary>
    public decimal? Amount(string column)
    {
        var text = row.Value(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            Add(column, $"金额“{Echo.Safe(text)}”格式不正确，应为以万元为单位的数字，例如 0.5（即 5000 元），不写千位分隔符和单位。");
            return null;
        }

        if (amount < 0)
        {
            Add(column, "金额不能为负数。");
            return null;
        }

        if (decimal.Round(amount, 6) != amount)
        {
            Add(column, $"金额“{Echo.Safe(text)}”的小数超过 6 位（以万元为单位，6 位小数即精确到 0.01 元）。");
            return null;
        }

        if (amount >= 1_000_000_000_000m)
        {
            Add(column, "金额过大（以万元为单位，应小于 1000000000000）。");
            return null;
        }

        return amount;
    }

    /// <summary><c>true</c> or <c>false</c> (case-insensitive); empty means false.</summary>
    public bool Flag(string column)
    {
        var text = row.Value(column).ToLowerInvariant();
        switch (text)
        {
            case "" or "false":
                return false;
            case "true":
                return true;
            default:
                Add(column, $"“{Echo.Safe(text)}”不是 true 或 false。");
                return false;
        }
    }

    /// <summary>A value from one of the catalogue's lists.</summary>
    public string Listed(string column, IReadOnlyList<string> allowed, string what, bool required = true)
    {
        var value = required ? Required(column) : row.Value(column);
        if (value.Length > 0 && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Add(column, $"未知的{what}“{Echo.Safe(value)}”。可用的{what}：{string.Join("、", allowed)}。");
        }

        return value;
    }

    /// <summary>The row's <c>subject_type</c> (required); false (with the problem reported) when it is not one of the four.</summary>
    public bool ParseSubjectType(string column, out SubjectType subjectType)
    {
        var text = Required(column);
        if (DomainText.TryParseSubjectType(text, out subjectType))
        {
            return true;
        }

        if (text.Length > 0)
        {
            Add(column, $"未知的主体类型“{Echo.Safe(text)}”，应为 legal_person（法人）、natural_person（自然人）、" +
                "individual_business（个体工商户）或 other_org（其他组织）。");
        }

        return false;
    }

    /// <summary>失信程度: null when empty (reported when <paramref name="required"/>) or unknown (reported).</summary>
    public Severity? ParseSeverity(string column, bool required)
    {
        var text = required ? Required(column) : row.Value(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (DomainText.TryParseSeverity(text, out var severity))
        {
            return severity;
        }

        Add(column, $"未知的失信程度“{Echo.Safe(text)}”，应为 minor（轻微）、general（一般）或 serious（严重）。");
        return null;
    }

    /// <summary>A USCC (GB 32100 and GB 11714 checks), normalised; null when empty or invalid.</summary>
    public string? Uscc(string column, bool required)
    {
        var text = row.Value(column);
        if (text.Length == 0)
        {
            if (required)
            {
                Add(column, "必填项为空。");
            }

            return null;
        }

        var code = UnifiedSocialCreditCode.Parse(text);
        if (!code.IsValid)
        {
            Add(column, code.Message!);
            return null;
        }

        return code.Value!.Value.Value;
    }

    /// <summary>Who the row is about. A natural person: <c>id_number</c> required, <c>uscc</c> empty. An individual
    /// business: its USCC, or without one the operator's <c>id_number</c>. A legal person or other organisation: USCC
    /// required, <c>id_number</c> empty (no legal representative's number is imported). The ID number is checked, then
    /// replaced by its keyed hash and masked form; it goes no further. <paramref name="noun"/> is what the row is
    /// (条目, 记录) in messages.</summary>
    public SubjectIdentity Identity(SubjectType subjectType, ResidentIdHasher hasher, string noun, string usccColumn, string idColumn)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var uscc = row.Value(usccColumn);
        var idNumber = row.Value(idColumn);
        if (subjectType == SubjectType.NaturalPerson)
        {
            if (uscc.Length > 0)
            {
                Add(usccColumn, $"自然人{noun}不填写统一社会信用代码。");
            }

            if (idNumber.Length == 0)
            {
                Add(idColumn, $"自然人{noun}必须填写居民身份证号码。");
                return default;
            }

            return Person(idNumber, hasher, idColumn);
        }

        if (subjectType == SubjectType.IndividualBusiness && uscc.Length == 0)
        {
            if (idNumber.Length == 0)
            {
                Add(usccColumn, $"个体工商户{noun}必须填写统一社会信用代码；没有统一社会信用代码的，在 {idColumn} 列填写经营者的居民身份证号码。");
                return default;
            }

            return Person(idNumber, hasher, idColumn);
        }

        if (idNumber.Length > 0)
        {
            Add(idColumn, subjectType == SubjectType.IndividualBusiness
                ? $"已填写统一社会信用代码的个体工商户{noun}不填写居民身份证号码。"
                : $"法人和其他组织{noun}不填写居民身份证号码（不导入法定代表人等个人的证件号码）。");
        }

        if (uscc.Length == 0)
        {
            Add(usccColumn, $"法人和其他组织{noun}必须填写统一社会信用代码。");
            return default;
        }

        var code = Uscc(usccColumn, required: true);
        return code is null ? default : new SubjectIdentity(code, null, null, code);
    }

    private SubjectIdentity Person(string idNumber, ResidentIdHasher hasher, string idColumn)
    {
        // The parser's messages name the failed rule and never repeat the number.
        var parsed = ResidentIdNumber.Parse(idNumber);
        if (!parsed.IsValid)
        {
            Add(idColumn, parsed.Message!);
            return default;
        }

        var hash = hasher.Hash(parsed.Value!.Value);
        return new SubjectIdentity(null, hash, parsed.Value.Value.Masked, hasher.SubjectKey(hash));
    }

    /// <summary><c>yyyy-MM-dd</c>, a real day (no 2025-02-30). Written out rather than <c>DateOnly.TryParseExact</c>: it
    /// runs three times per row of a file of millions.</summary>
    internal static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        int Digits(int start, int count)
        {
            var value = 0;
            for (var i = start; i < start + count; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return -1;
                }

                value = (value * 10) + (text[i] - '0');
            }

            return value;
        }

        var (year, month, day) = (Digits(0, 4), Digits(5, 2), Digits(8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static string TooLong(int length, int maxLength) =>
        string.Create(CultureInfo.InvariantCulture, $"长度为 {length} 个字符，超过上限 {maxLength}。");

    /// <summary>True when the text holds 18 characters (17 digits then a digit or X) that pass the GB 11643 checks,
    /// not as part of a longer run of digits.</summary>
    internal static bool ContainsResidentIdNumber(string text)
    {
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                run++;
                continue;
            }

            if (run == 17 && (c == 'X' || c == 'x') && ResidentIdNumber.TryParse(text.AsSpan(i - 17, 18).ToString(), out _))
            {
                return true;
            }

            if (run == 18 && ResidentIdNumber.TryParse(text.AsSpan(i - 18, 18).ToString(), out _))
            {
                return true;
            }

            run = 0;
        }

        return run == 18 && ResidentIdNumber.TryParse(text.AsSpan(text.Length - 18, 18).ToString(), out _);
    }
}
