namespace CreditSite.Content;

/// <summary>One thing wrong in one content file. <see cref="Path"/> is relative to the site root
/// (e.g. <c>content/policies/foo.md</c>) so the message points straight at the file to fix.</summary>
public sealed record ContentProblem(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

/// <summary>Thrown when the content folder cannot be published as a whole. It lists every problem found (file and
/// line), not just the first, so an editor can fix them in one go; start-up stops so no half-published site is served.</summary>
public sealed class ContentException : Exception
{
    public ContentException()
        : this([])
    {
    }

    public ContentException(string message)
        : base(message)
    {
        Problems = [];
    }

    public ContentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public ContentException(IReadOnlyList<ContentProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<ContentProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ContentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select(p => "  " + p);
        return $"内容文件有 {problems.Count} 处错误，站点未启动（修正后重新启动）：{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
