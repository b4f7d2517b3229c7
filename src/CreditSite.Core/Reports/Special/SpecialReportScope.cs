using System.Globalization;

namespace CreditSite.Reports.Special;

/// <summary>What a special credit report (专项信用报告) covers: a period inside the last five years and a set of fields
/// (领域) from the catalogue, or all of them.</summary>
public sealed record SpecialReportScope(DateOnly From, DateOnly To, IReadOnlyList<string> Fields, bool AllFields)
{
    public const int MaxYears = 5;
    public const int DefaultYears = 3;

    /// <summary>The default: three years back from today, all fields.</summary>
    public static SpecialReportScope Default(DateOnly today, IReadOnlyList<string> catalogueFields) =>
        new(today.AddYears(-DefaultYears), today, catalogueFields, AllFields: true);

    /// <summary>One string for “same subject, same scope”: a newer report with the same key is mentioned on verification.</summary>
    public string Key => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}|" + (AllFields ? "*" : string.Join(',', Fields.Order(StringComparer.Ordinal)));

    public string PeriodText => $"{Date(From)} 至 {Date(To)}";

    public string FieldsText => AllFields ? $"全部领域（{string.Join('、', Fields)}）" : string.Join('、', Fields);

    private static string Date(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>Checks a request; each problem is a Chinese sentence, and a scope comes back only when there is none.</summary>
    /// <param name="fields">The fields ticked on the form; ignored when <paramref name="allFields"/>.</param>
    public static (SpecialReportScope? Scope, IReadOnlyList<string> Errors) Validate(
        DateOnly? from, DateOnly? to, IReadOnlyList<string>? fields, bool allFields, DateOnly today, IReadOnlyList<string> catalogueFields)
    {
        ArgumentNullException.ThrowIfNull(catalogueFields);
        var errors = new List<string>();
        if (from is null || to is null)
        {
            errors.Add("请填写查询期间的起止日期（格式：2024-01-01）。");
        }
        else if (from > to)
        {
            errors.Add("查询期间的起始日期不能晚于截止日期。");
        }
        else if (to > today || from > today)
        {
            errors.Add("查询期间不能包含未来的日期：截止日期最晚为今天。");
        }
        else if (from < today.AddYears(-MaxYears))
        {
            errors.Add($"查询期间最长为近 {MaxYears} 年：起始日期不能早于 {Date(today.AddYears(-MaxYears))}。");
        }

        var chosen = new List<string>();
        if (allFields)
        {
            chosen.AddRange(catalogueFields);
        }
        else
        {
            foreach (var field in (fields ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal))
            {
                if (catalogueFields.Contains(field, StringComparer.Ordinal))
                {
                    chosen.Add(field);
                }
                else
                {
                    errors.Add($"“{(field.Length > 20 ? field[..20] + "…" : field)}”不是公共信用信息目录中的领域，请从列表中选择。");
                }
            }

            if (chosen.Count == 0 && errors.All(e => !e.Contains("不是公共信用信息目录中的领域", StringComparison.Ordinal)))
            {
                errors.Add("请至少选择一个领域，或选择“全部领域”。");
            }
        }

        // Catalogue order, so the same choice always reads (and keys) the same.
        var ordered = catalogueFields.Where(chosen.Contains).ToList();
        return errors.Count > 0 ? (null, errors) : (new SpecialReportScope(from!.Value, to!.Value, ordered, allFields), errors);
    }
}
