using Lucene.Net.Store;
using Lock = Lucene.Net.Store.Lock;

namespace CreditSite.Search.Embedded;

/// <summary>Lucene write locks that exclude other processes too. Lucene.NET's default NativeFSLockFactory does not
/// stop a second process on Linux from taking the same write lock (tried: both processes opened a writer), so the web
/// site and the CLI could corrupt the index. A <see cref="FileStream"/> opened with <see cref="FileShare.None"/> takes
/// an exclusive <c>flock</c> on Unix: it excludes other processes and other handles in this process, and the kernel
/// drops it when a process dies, so no stale lock survives a crash.</summary>
internal sealed class ExclusiveFileLockFactory(string lockDirectory) : LockFactory
{
    public override Lock MakeLock(string lockName) => new ExclusiveFileLock(Path.Combine(lockDirectory, lockName));

    // The lock file itself is harmless when nobody holds the lock; deleting it could race with a holder.
    public override void ClearLock(string lockName)
    {
    }
}

internal sealed class ExclusiveFileLock(string path) : Lock
{
    private FileStream? _stream;

    public override bool Obtain()
    {
        if (_stream is not null)
        {
            return false;
        }

        try
        {
            _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return true;
        }
        catch (IOException e)
        {
            // Held elsewhere, or the folder was removed by a rebuild that swapped versions: the caller retries.
            FailureReason = e;
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            FailureReason = e;
            return false;
        }
    }

    public override bool IsLocked()
    {
        if (_stream is not null)
        {
            return true;
        }

        if (!Obtain())
        {
            return true;
        }

        Release();
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
        }
    }

    private void Release()
    {
        _stream?.Dispose();
        _stream = null;
    }

    public override string ToString() => $"ExclusiveFileLock@{path}";
}
