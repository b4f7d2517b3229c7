using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;

namespace CreditSite.Search.Embedded;

/// <summary>One open reader of the live index version, shared by all searches and replaced when the index changes:
/// checked at most every <c>refreshInterval</c> (the other process's writes) and right after this process's own writes
/// (<see cref="Refresh"/>). Readers are reference-counted, so a search that started on the old reader finishes on it
/// while new searches use the new one, and the old reader closes when its last search releases it.</summary>
internal sealed class SearcherCache(IndexFolder folder, Func<string> ensureCurrent, TimeSpan refreshInterval, Func<ResultCache> newResultCache, ILogger logger) : IDisposable
{
    private readonly System.Threading.Lock _refreshLock = new();
    private Snapshot? _current;
    private long _nextCheck;
    private bool _disposed;

    public string? Version => Volatile.Read(ref _current)?.Version;

    /// <summary>A snapshot with a reference taken: dispose it when the search is done.</summary>
    public Lease Acquire()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Volatile.Read(ref _current) is null)
        {
            Refresh();
        }
        else if (Environment.TickCount64 >= Volatile.Read(ref _nextCheck))
        {
            TryRefreshInBackgroundOfThisSearch();
        }

        while (true)
        {
            var snapshot = Volatile.Read(ref _current) ?? throw new ObjectDisposedException(nameof(SearcherCache));

            // TryIncRef fails only when the reader was closed between the read above and now: take the newer one.
            if (snapshot.Reader.TryIncRef())
            {
                return new Lease(snapshot);
            }
        }
    }

    /// <summary>Brings the cached reader up to date now (after this process wrote). Throws if the index cannot be
    /// opened at all; a failure to refresh an existing reader keeps the old one.</summary>
    public void Refresh()
    {
        lock (_refreshLock)
        {
            RefreshCore();
        }
    }

    /// <summary>After this process wrote: refresh now if a reader is open; if none is (a CLI that only imports), the
    /// first search will open the index as it then is.</summary>
    public void RefreshIfOpen()
    {
        if (Volatile.Read(ref _current) is not null)
        {
            Refresh();
        }
    }

    private void TryRefreshInBackgroundOfThisSearch()
    {
        // One search at a time checks; the others go on with the reader they have.
        if (!_refreshLock.TryEnter())
        {
            return;
        }

        try
        {
            RefreshCore();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            logger.LogWarning(e, "Could not refresh the search index reader; searches keep using version {Version}.", Version);
        }
        finally
        {
            _refreshLock.Exit();
        }
    }

    private void RefreshCore()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Volatile.Write(ref _nextCheck, Environment.TickCount64 + (long)refreshInterval.TotalMilliseconds);
        var current = _current;
        var version = folder.ReadCurrent();
        if (current is null || version is null || version != current.Version)
        {
            version = ensureCurrent();
            if (current is not null && version == current.Version)
            {
                RefreshSameVersion(current);
                return;
            }

            var directory = folder.OpenDirectory(version);
            var reader = DirectoryReader.Open(directory);
            Publish(new Snapshot(version, directory, reader, newResultCache()), current);
            logger.LogInformation("Search index version {Version} opened with {Count} documents.", version, reader.NumDocs);
            return;
        }

        RefreshSameVersion(current);
    }

    private void RefreshSameVersion(Snapshot current)
    {
        var newer = DirectoryReader.OpenIfChanged(current.Reader);
        if (newer is not null)
        {
            Publish(new Snapshot(current.Version, current.Directory, newer, newResultCache()), current);
        }
    }

    private void Publish(Snapshot next, Snapshot? previous)
    {
        Volatile.Write(ref _current, next);
        previous?.Release();
    }

    public void Dispose()
    {
        lock (_refreshLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            var current = _current;
            _current = null;
            current?.Release();
        }
    }

    /// <summary>An open reader of one version. Its FSDirectory is never disposed explicitly: the object holds no open
    /// files itself (each index input does, and the reader closes those), and a newer reader of the same version
    /// keeps using it.</summary>
    internal sealed class Snapshot(string version, FSDirectory directory, DirectoryReader reader, ResultCache results)
    {
        public string Version { get; } = version;

        public FSDirectory Directory { get; } = directory;

        public DirectoryReader Reader { get; } = reader;

        public IndexSearcher Searcher { get; } = new(reader);

        /// <summary>Answers already computed on this snapshot; they stay right until the index changes, and a
        /// changed index is a new snapshot with an empty cache.</summary>
        public ResultCache Results { get; } = results;

        private SubjectOrdinals? _subjects;

        /// <summary>Global ordinals of the subject keys, built by the first search by subject on this snapshot.</summary>
        public SubjectOrdinals Subjects => LazyInitializer.EnsureInitialized(ref _subjects, () => SubjectOrdinals.Of(Reader));

        private SubjectDocuments? _subjectDocuments;

        /// <summary>Each subject's live documents, built by the first search by subject on this snapshot.</summary>
        public SubjectDocuments SubjectDocuments =>
            LazyInitializer.EnsureInitialized(ref _subjectDocuments, () => SubjectDocuments.Of(Reader, Subjects));

        /// <summary>Drops the cache's own reference; the reader closes once in-flight searches release theirs.</summary>
        public void Release() => Reader.DecRef();
    }

    internal readonly struct Lease(Snapshot snapshot) : IDisposable
    {
        public Snapshot Snapshot { get; } = snapshot;

        public IndexSearcher Searcher => Snapshot.Searcher;

        public void Dispose() => Snapshot.Reader.DecRef();
    }
}
