namespace CreditSite.CreditRepair;

/// <summary>Why a request or a staff action was refused, in Chinese for the page; nothing was stored.</summary>
public sealed class RequestRefusalException : Exception
{
    public RequestRefusalException()
    {
    }

    public RequestRefusalException(string message)
        : base(message)
    {
    }

    public RequestRefusalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The request was changed by someone else since the page showed it (optimistic concurrency).</summary>
    public bool IsConflict { get; init; }

    /// <summary>The request or record is not the caller's to see: pages answer 404, as for reports.</summary>
    public bool IsNotFound { get; init; }

    public static RequestRefusalException Conflict() =>
        new("该申请已被其他工作人员处理，请刷新页面查看最新状态后再操作。") { IsConflict = true };

    public static RequestRefusalException NotFound() => new("未找到该申请或记录。") { IsNotFound = true };
}
