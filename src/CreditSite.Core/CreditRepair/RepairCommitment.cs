namespace CreditSite.CreditRepair;

/// <summary>信用修复承诺书: shown in full on the application page and accepted there; on approval it is published as a
/// credit commitment (信用承诺) of type 信用修复型.</summary>
public static class RepairCommitment
{
    public const string CommitmentType = "信用修复型";

    public static readonly IReadOnlyList<string> Paragraphs =
    [
        "本人（本单位）自愿申请信用修复，并郑重承诺：",
        "一、所提交的申请材料及证明材料真实、准确、完整、有效，不存在虚假记载、误导性陈述或重大遗漏；",
        "二、已纠正失信行为，已履行行政处罚决定等法定责任和义务，并已消除不良社会影响；",
        "三、今后严格遵守法律、法规和规章，诚信经营（诚实守信），自觉接受政府部门和社会监督；",
        "四、本承诺书经信用修复决定通过后，作为信用修复型信用承诺向社会公示；",
        "五、如违背上述承诺，自愿接受撤销信用修复决定、列入失信记录等处理，并依法承担相应法律责任。",
    ];

    public static string Text => string.Join("\n", Paragraphs);
}
