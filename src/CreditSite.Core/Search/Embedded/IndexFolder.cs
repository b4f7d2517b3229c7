using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lock = Lucene.Net.Store.Lock;
using Directory = System.IO.Directory;

namespace CreditSite.Search.Embedded;

/// <summary>The on-disk layout of the embedded index under <c>{dataPath}/index/</c>: one folder per version
/// (<c>v{yyyyMMddHHmmssfff}</c>, a complete Lucene index each) and a <c>CURRENT</c> file naming the live one.
/// <c>CURRENT</c> is replaced by rename, so a reader sees either the old or the new name, never half a file.</summary>
internal sealed partial class IndexFolder
{
    public const string CurrentFileName = "CURRENT";
    private const string SwapLockFileName = "swap.lock";

    private readonly TimeProvider _time;

    public IndexFolder(string dataPath, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        Root = Path.GetFullPath(Path.Combine(dataPath, "index"));
        _time = time;
    }

    /// <summary><c>{dataPath}/index</c>.</summary>
    public string Root { get; }

    public string VersionPath(string version) => Path.Combine(Root, version);

    public static bool IsVersionName(string? name) => name is not null && VersionName().IsMatch(name);

    /// <summary>The live version named by <c>CURRENT</c>, or null when there is none yet (or it names nothing valid).</summary>
    public string? ReadCurrent()
    {
        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(Root, CurrentFileName)).Trim();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        return IsVersionName(text) ? text : null;
    }

    /// <summary>Points <c>CURRENT</c> at <paramref name="version"/>: written to a temporary file, flushed, then renamed
    /// over the old pointer (rename is atomic on one file system).</summary>
    public void WriteCurrent(string version)
    {
        if (!IsVersionName(version))
        {
            throw new ArgumentException($"Not an index version name: {version}", nameof(version));
        }

        var temp = Path.Combine(Root, $"{CurrentFileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(version);
                writer.Write('\n');
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path.Combine(Root, CurrentFileName), overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>A fresh, unused version folder name later than every existing one.</summary>
    public string NewVersionName()
    {
        Directory.CreateDirectory(Root);
        var stamp = _time.GetUtcNow().UtcDateTime;
        var versions = ListVersions();
        var latest = versions.Count > 0 ? versions[^1] : null;
        while (true)
        {
            var name = "v" + stamp.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            if (string.CompareOrdinal(name, latest) > 0 && !Directory.Exists(VersionPath(name)))
            {
                return name;
            }

            stamp = stamp.AddMilliseconds(1);
        }
    }

    /// <summary>Version folders, oldest first (the names sort by time).</summary>
    public IReadOnlyList<string> ListVersions()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(Root)
            .Select(Path.GetFileName)
            .Where(IsVersionName)
            .Order(StringComparer.Ordinal)
            .ToList()!;
    }

    public FSDirectory OpenDirectory(string version)
    {
        var path = VersionPath(version);
        return FSDirectory.Open(new DirectoryInfo(path), new ExclusiveFileLockFactory(path));
    }

    /// <summary>The live version, creating an empty index first when there is none. Creation happens under the swap
    /// lock so that the web site and the CLI starting together agree on one version.</summary>
    public string EnsureCurrent(Func<FSDirectory, bool> createEmptyIndex)
    {
        var current = ReadCurrent();
        if (current is not null && Directory.Exists(VersionPath(current)))
        {
            return current;
        }

        using var swap = TakeSwapLock(TimeSpan.FromSeconds(30));
        current = ReadCurrent();
        if (current is not null && Directory.Exists(VersionPath(current)))
        {
            return current;
        }

        // CURRENT lost but a complete version exists (for example a crash between building and swapping): use the
        // newest one that holds a commit rather than starting empty.
        foreach (var existing in ListVersions().Reverse())
        {
            using var existingDirectory = OpenDirectory(existing);
            if (DirectoryReader.IndexExists(existingDirectory))
            {
                WriteCurrent(existing);
                return existing;
            }
        }

        var version = NewVersionName();
        Directory.CreateDirectory(VersionPath(version));
        using (var directory = OpenDirectory(version))
        {
            createEmptyIndex(directory);
        }

        WriteCurrent(version);
        return version;
    }

    /// <summary>Serialises the short critical sections that create or swap versions, across processes.</summary>
    public IDisposable TakeSwapLock(TimeSpan wait)
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, SwapLockFileName);
        var deadline = Environment.TickCount64 + (long)wait.TotalMilliseconds;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>Removes version folders older than <paramref name="current"/>. Newer ones are left alone: another
    /// process may be building one right now. Returns the folders it could not remove yet.</summary>
    public IReadOnlyList<string> DeleteVersionsOlderThan(string current)
    {
        var left = new List<string>();
        foreach (var version in ListVersions())
        {
            if (string.CompareOrdinal(version, current) >= 0)
            {
                continue;
            }

            if (!TryDeleteVersion(version))
            {
                left.Add(version);
            }
        }

        return left;
    }

    /// <summary>Deletes a version folder when no writer holds its write lock. Readers in any process keep reading the
    /// files they have open (Unix keeps unlinked files alive) and move to the new version on their next refresh.</summary>
    public bool TryDeleteVersion(string version, Lock? heldWriteLock = null)
    {
        var path = VersionPath(version);
        if (!Directory.Exists(path))
        {
            return true;
        }

        Lock? writeLock = heldWriteLock;
        if (writeLock is null)
        {
            writeLock = new ExclusiveFileLock(Path.Combine(path, IndexWriter.WRITE_LOCK_NAME));
            if (!writeLock.Obtain())
            {
                writeLock.Dispose();
                return false;
            }
        }

        try
        {
            Directory.Delete(path, recursive: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            if (heldWriteLock is null)
            {
                writeLock.Dispose();
            }
        }
    }

    [GeneratedRegex("^v[0-9]{17}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionName();
}
