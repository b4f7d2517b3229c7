using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Lock = Lucene.Net.Store.Lock;

namespace CreditSite.Search.Embedded;

/// <summary>The embedded engine's writes: upserts, deletes, bulk loads and rebuilds, each in a writer session that
/// holds the index write lock (shared with the other process) and refreshes this process's reader when done.</summary>
public sealed partial class EmbeddedSearchEngine
{
    /// <summary>Batches at least this large are analysed on several threads.</summary>
    private const int ParallelFrom = 2000;

    public async Task UpsertAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return;
        }

        await WriteAsync(writer =>
        {
            static void Update(IndexWriter writer, LuceneDocumentBuilder builder, SearchDocument document) =>
                writer.UpdateDocument(new Term(IndexFields.Id, document.Id), builder.Build(document));

            if (documents.Count < ParallelFrom)
            {
                using var builder = new LuceneDocumentBuilder();
                foreach (var document in documents)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Update(writer, builder, document);
                }
            }
            else
            {
                // IndexWriter takes documents from several threads at once, each into its own segment buffer. Two
                // threads updating the same id would race, so a repeated id keeps only its last occurrence first.
                var lastById = new Dictionary<string, SearchDocument>(documents.Count, StringComparer.Ordinal);
                foreach (var document in documents)
                {
                    lastById[document.Id] = document;
                }

                Parallel.ForEach(lastById.Values, new ParallelOptions { MaxDegreeOfParallelism = ParallelIndexLoader.IndexingThreads, CancellationToken = cancellationToken },
                    () => new LuceneDocumentBuilder(),
                    (document, _, builder) =>
                    {
                        Update(writer, builder, document);
                        return builder;
                    },
                    static builder => builder.Dispose());
            }
        }, cancellationToken);
    }

    /// <summary>The whole stream in one writer session, analysed on several threads, committed once: a bulk import
    /// costs one commit and a few large segments instead of a commit and a small segment per batch. A document whose id
    /// is neither in the index nor earlier in the stream is added without a delete-by-id. A load that makes up most of
    /// the index ends with a merge into one segment, which halves the cost of a search over it; a smaller one with a merge
    /// into two.</summary>
    public async Task<long> UpsertAllAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        long count = 0;
        await WriteAsync(async (writer, directory) =>
        {
            using var before = new IndexedIds(directory);
            count = await ParallelIndexLoader.AddAllAsync(writer, _analysis, documents, before.Contains, progress, cancellationToken);
            if (count >= _settings.MergeAfterBulkOf)
            {
                // Most of the index: one segment. Less (penalties after licences): the new segments and the smaller
                // ones merged into one beside the largest, which is left as it is — at 5M records the 14 segments three
                // imports left cost searches 20–70 % more, and merging the largest again would cost every import a
                // minute (docs/benchmarks.md).
                writer.ForceMerge(count * 2 >= writer.MaxDoc ? 1 : 2);
            }
        }, cancellationToken);
        progress?.Report(count);
        return count;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        await WriteAsync(writer => writer.DeleteDocuments(ids.Select(id => new Term(IndexFields.Id, id)).ToArray()), cancellationToken);
    }

    /// <summary>Writes a new version folder from <paramref name="documents"/>, then points <c>CURRENT</c> at it and
    /// deletes the old version. The old version's write lock is held throughout, so writes from either process wait
    /// and then land in the new version instead of being lost in the old one.</summary>
    public async Task RebuildAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var (oldVersion, oldLock) = await LockCurrentVersionAsync(cancellationToken);
            using (oldLock)
            {
                var version = _folder.NewVersionName();
                System.IO.Directory.CreateDirectory(_folder.VersionPath(version));
                long count = 0;
                try
                {
                    using (var directory = _folder.OpenDirectory(version))
                    using (var writer = new IndexWriter(directory, WriterConfig(OpenMode.CREATE)))
                    {
                        count = await ParallelIndexLoader.AddAllAsync(writer, _analysis, documents, static _ => false, progress, cancellationToken);
                        if (count >= _settings.MergeAfterBulkOf)
                        {
                            writer.ForceMerge(1);
                        }

                        writer.Commit();
                    }
                }
                catch
                {
                    _folder.TryDeleteVersion(version);
                    throw;
                }

                progress?.Report(count);
                using (_folder.TakeSwapLock(TimeSpan.FromSeconds(30)))
                {
                    _folder.WriteCurrent(version);
                }

                _logger.LogInformation("Search index rebuilt as version {Version} with {Count} documents (was {Old}).", version, count, oldVersion);
                _folder.TryDeleteVersion(oldVersion, oldLock);
                foreach (var left in _folder.DeleteVersionsOlderThan(version))
                {
                    _logger.LogInformation("Old search index version {Version} is still locked; it will be removed later.", left);
                }
            }

            _searchers.RefreshIfOpen();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private string EnsureCurrent() => _folder.EnsureCurrent(directory =>
    {
        using var writer = new IndexWriter(directory, WriterConfig(OpenMode.CREATE));
        writer.Commit();
        return true;
    });

    /// <summary>Opens a writer on the live version (waiting for the write lock while another writer, in this or the
    /// other process, holds it), applies <paramref name="apply"/>, commits, and refreshes this process's reader.</summary>
    private Task WriteAsync(Action<IndexWriter> apply, CancellationToken cancellationToken) =>
        WriteAsync((writer, _) =>
        {
            apply(writer);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task WriteAsync(Func<IndexWriter, FSDirectory, Task> apply, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var deadline = Environment.TickCount64 + (long)_settings.WriteLockWait.TotalMilliseconds;
            var delay = 20;
            while (true)
            {
                var version = EnsureCurrent();
                IndexWriter? writer = null;
                var directory = _folder.OpenDirectory(version);
                try
                {
                    writer = new IndexWriter(directory, WriterConfig(OpenMode.APPEND));
                }
                catch (Exception e) when (e is LockObtainFailedException or IOException)
                {
                    // Held by the other process (an import or a rebuild), or the version just went away in a swap.
                    directory.Dispose();
                    if (Environment.TickCount64 >= deadline)
                    {
                        throw new SearchUnavailableException("搜索索引正被其他任务写入，请稍后再试。", e);
                    }

                    await Task.Delay(delay, cancellationToken);
                    delay = Math.Min(delay * 2, 250);
                    continue;
                }

                try
                {
                    // A rebuild may have swapped versions while we waited for the lock: write to the live one.
                    if (_folder.ReadCurrent() != version)
                    {
                        writer.Rollback();
                        continue;
                    }

                    await apply(writer, directory);
                    writer.Commit();
                }
                catch
                {
                    writer.Rollback();
                    throw;
                }
                finally
                {
                    writer.Dispose();
                    directory.Dispose();
                }

                break;
            }

            _searchers.RefreshIfOpen();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Takes the write lock of the live version, so no write lands there while a rebuild builds its successor.</summary>
    private async Task<(string Version, Lock Lock)> LockCurrentVersionAsync(CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)_settings.WriteLockWait.TotalMilliseconds;
        while (true)
        {
            var version = EnsureCurrent();
            var writeLock = new ExclusiveFileLock(Path.Combine(_folder.VersionPath(version), IndexWriter.WRITE_LOCK_NAME));
            if (writeLock.Obtain())
            {
                if (_folder.ReadCurrent() == version)
                {
                    return (version, writeLock);
                }

                writeLock.Dispose();
                continue;
            }

            writeLock.Dispose();
            if (Environment.TickCount64 >= deadline)
            {
                throw new SearchUnavailableException("搜索索引正被其他任务写入，请稍后再试。");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private IndexWriterConfig WriterConfig(OpenMode mode) => new(SearchAnalysis.Version, _analysis.Indexing)
    {
        OpenMode = mode,
        RAMBufferSizeMB = _settings.RamBufferSizeMb,
        // Lucene polls a busy lock only once a second; WriteAsync retries itself with short delays instead.
        WriteLockTimeout = 0,
    };
}
