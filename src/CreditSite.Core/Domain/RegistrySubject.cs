namespace CreditSite.Domain;

/// <summary>基础信息: the registry record of an organisation (natural persons never get one).</summary>
public sealed class RegistrySubject
{
    /// <summary>统一社会信用代码; the key.</summary>
    public required string Uscc { get; set; }

    public required string Name { get; set; }

    /// <summary>曾用名, newest first.</summary>
    public IReadOnlyList<string> FormerNames { get; set; } = [];

    /// <summary>市场主体类型, e.g. 有限责任公司（自然人投资或控股）.</summary>
    public string? EntityType { get; set; }

    public string? LegalRepresentative { get; set; }

    public DateOnly? RegisteredOn { get; set; }

    public string? RegistrationAuthority { get; set; }

    public string? Address { get; set; }

    /// <summary>登记状态: 存续, 注销, 吊销 or 迁出 (the catalogue's list).</summary>
    public required string Status { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
