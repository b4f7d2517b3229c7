namespace CreditSite.Cli;

/// <summary>A usage mistake: unknown command or option, missing value, file not found. Exit code 2.</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException() { }

    public CliUsageException(string message) : base(message) { }

    public CliUsageException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The command and its options: <c>--name value</c>, <c>--name=value</c>, or a bare <c>--flag</c>.</summary>
public sealed class CliArguments
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "replace" };

    private readonly Dictionary<string, string?> _options;

    private CliArguments(string command, Dictionary<string, string?> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            throw new CliUsageException("缺少命令。");
        }

        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new CliUsageException($"无法识别的参数“{arg}”。");
            }

            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (!Flags.Contains(name) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            if (!options.TryAdd(name, value))
            {
                throw new CliUsageException($"选项 --{name} 出现了不止一次。");
            }
        }

        return new CliArguments(args[0].Trim().ToLowerInvariant(), options);
    }

    /// <summary>Fails on any option the command does not know, so a typo is not silently ignored. Call it first: an
    /// unknown option is reported as unknown, not as missing its value.</summary>
    public void Allow(params string[] names)
    {
        foreach (var name in _options.Keys)
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                throw new CliUsageException($"命令 {Command} 不支持选项 --{name}。");
            }
        }
    }

    public bool Flag(string name) => _options.ContainsKey(name);

    /// <summary>Null when the option is absent; a usage error when it is given without a value.</summary>
    public string? Value(string name)
    {
        if (!_options.TryGetValue(name, out var value))
        {
            return null;
        }

        return string.IsNullOrEmpty(value) ? throw new CliUsageException($"选项 --{name} 缺少值。") : value;
    }

    public string Required(string name, string what) =>
        Value(name) ?? throw new CliUsageException($"缺少 --{name} {what}。");
}
