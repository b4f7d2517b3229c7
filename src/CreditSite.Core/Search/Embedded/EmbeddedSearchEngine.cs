using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Lock = Lucene.Net.Store.Lock;

namespace CreditSite.Search.Embedded;

/// <summary>Tuning of the embedded engine; the defaults suit the site and the CLI.</summary>
public sealed record EmbeddedIndexSettings
{
    /// <summary>How often a search checks whether another process changed the index.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a write waits for the index write lock held by another writer (an import or a rebuild in the
    /// other process) before giving up with <see cref="SearchUnavailableException"/>.</summary>
    public TimeSpan WriteLockWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Indexing buffer before Lucene flushes a segment; larger means faster bulk loads.</summary>
    public double RamBufferSizeMb { get; init; } = 128;

    /// <summary>A bulk write (<see cref="EmbeddedSearchEngine.UpsertAllAsync"/>, a rebuild) of at least this many
    /// documents that makes up at least half of the index ends with a merge into one segment: searching one segment
    /// costs about half of searching the dozen a bulk load leaves (measured with bench/SearchProfile).</summary>
    public int MergeAfterBulkOf { get; init; } = 50_000;

    /// <summary>Answers kept per index snapshot (0 turns the cache off). The cache is replaced whenever the index
    /// changes, so it never serves a stale answer. See <see cref="ResultCache"/>.</summary>
    public int ResultCacheEntries { get; init; } = 8192;

    /// <summary>Upper bound of the cached answers' estimated size.</summary>
    public int ResultCacheMegabytes { get; init; } = 256;
}

/// <summary>The embedded search engine: a Lucene.NET index on disk under <c>{dataPath}/index/</c>, shared by the
/// web site and the CLI. See docs/search.md for the layout, the analysis and how writes from two processes meet.</summary>
public sealed class EmbeddedSearchEngine : ISearchEngine, IDisposable, IAsyncDisposable
{
    private const int ProgressEvery = 1000;

    /// <summary>Batches at least this large are analysed on several threads.</summary>
    private const int ParallelFrom = 2000;

    private static readonly int IndexingThreads = Math.Clamp(Environment.ProcessorCount, 1, 4);

    private readonly IndexFolder _folder;
    private readonly EmbeddedIndexSettings _settings;
    private readonly ILogger _logger;
    private readonly SearchAnalysis _analysis = new();
    private readonly HitHighlighter _highlighter;
    private readonly FilterCache _filters = new();
    private readonly SearcherCache _searchers;

    // One writer at a time in this process; Lucene's write lock does the same across processes.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _disposed;

    public EmbeddedSearchEngine(string dataPath, ILogger<EmbeddedSearchEngine>? logger = null, EmbeddedIndexSettings? settings = null, TimeProvider? time = null)
    {
        _folder = new IndexFolder(dataPath, time ?? TimeProvider.System);
        _settings = settings ?? new EmbeddedIndexSettings();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _highlighter = new HitHighlighter(_analysis);
        _searchers = new SearcherCache(_folder, EnsureCurrent, _settings.RefreshInterval,
            () => new ResultCache(_settings.ResultCacheEntries, _settings.ResultCacheMegabytes * 1024L * 1024L), _logger);
    }

    /// <summary><c>{dataPath}/index</c>.</summary>
    public string IndexPath => _folder.Root;

    /// <summary>The live version folder, as <c>CURRENT</c> names it (null before anything was written).</summary>
    public string? CurrentVersion => _folder.ReadCurrent();

    /// <summary>The version this process's searches read (null before the first search).</summary>
    internal string? ReaderVersion => _searchers.Version;

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);

        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, 100);
        using var lease = Acquire();
        var cacheKey = ResultCache.KeyOf(request, SearchAnalysis.CleanQueryText(request.Text), page, pageSize);
        var cache = _settings.ResultCacheEntries > 0 ? lease.Snapshot.Results : null;
        if (cache is not null && cache.TryGet(cacheKey, out var cached))
        {
            return Task.FromResult(cached);
        }

        var results = Search(lease.Searcher, request, page, pageSize);
        cache?.Add(cacheKey, results);
        return Task.FromResult(results);
    }

    private SearchResults Search(IndexSearcher searcher, SearchRequest request, int page, int pageSize)
    {
        var query = EmbeddedQuery.Build(request, _analysis, _filters, searcher.IndexReader);
        var maxDoc = searcher.IndexReader.MaxDoc;
        var skip = (long)(page - 1) * pageSize;
        var facets = request.WithFacets ? new FacetCounter() : null;

        TopDocs? top = null;
        long total;
        if (skip >= maxDoc)
        {
            // Past any possible end: count only, keep no hits in memory.
            var counter = new TotalHitCountCollector();
            searcher.Search(query.Query, facets is null ? counter : MultiCollector.Wrap(counter, facets));
            total = counter.TotalHits;
        }
        else
        {
            var wanted = (int)Math.Min(skip + pageSize, maxDoc);
            var byScore = query.HasText && request.Sort == SearchSort.Relevance;
            ITopDocsCollector collector = byScore
                ? TopScoreDocCollector.Create(wanted, docsScoredInOrder: false)
                : TopFieldCollector.Create(NewestFirst, wanted, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);
            searcher.Search(query.Query, facets is null ? (ICollector)collector : MultiCollector.Wrap((ICollector)collector, facets));
            top = collector.GetTopDocs((int)skip, pageSize);
            total = top.TotalHits;
        }

        var hits = new List<SearchHit>(top?.ScoreDocs.Length ?? 0);
        foreach (var scoreDoc in top?.ScoreDocs ?? [])
        {
            var document = IndexFields.FromLucene(searcher.Doc(scoreDoc.Doc, IndexFields.StoredOnly));
            var score = float.IsFinite(scoreDoc.Score) ? scoreDoc.Score : 0d;
            hits.Add(new SearchHit(document, score,
                _highlighter.Title(document.Title, query.HighlightTerms),
                _highlighter.Snippet(document.Body, query.HighlightTerms)));
        }

        return new SearchResults(total, hits, facets?.Result() ?? SearchFacets.Empty, page, pageSize);
    }

    /// <summary>Newest decision or publication date first; the id breaks ties so that paging is stable.</summary>
    private static readonly Sort NewestFirst = new(
        new SortField(IndexFields.DateSort, SortFieldType.INT64, reverse: true),
        new SortField(IndexFields.IdSort, SortFieldType.STRING));

    public async Task UpsertAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return;
        }

        await WriteAsync(writer =>
        {
            void Update(SearchDocument document) => writer.UpdateDocument(new Term(IndexFields.Id, document.Id), IndexFields.ToLucene(document));

            if (documents.Count < ParallelFrom)
            {
                foreach (var document in documents)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Update(document);
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

                Parallel.ForEach(lastById.Values, new ParallelOptions { MaxDegreeOfParallelism = IndexingThreads, CancellationToken = cancellationToken }, Update);
            }
        }, cancellationToken);
    }

    /// <summary>The whole stream in one writer session, analysed on several threads, committed once: a bulk import
    /// costs one commit and a few large segments instead of a commit and a small segment per batch. A document whose id
    /// is neither in the index nor earlier in the stream is added without a delete-by-id. A load that makes up most of
    /// the index ends with a merge into one segment, which halves the cost of a search over it.</summary>
    public async Task<long> UpsertAllAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        long count = 0;
        await WriteAsync(async (writer, directory) =>
        {
            using var before = DirectoryReader.IndexExists(directory) ? DirectoryReader.Open(directory) : null;
            bool Indexed(string id) => before is not null && before.DocFreq(new Term(IndexFields.Id, id)) > 0;
            count = await AddAllAsync(writer, documents, Indexed, progress, cancellationToken);
            if (count >= _settings.MergeAfterBulkOf && count * 2 >= writer.MaxDoc)
            {
                writer.ForceMerge(1);
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
                        count = await AddAllAsync(writer, documents, static _ => false, progress, cancellationToken);
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

    /// <summary>Reads the source on this thread and analyses on <see cref="IndexingThreads"/> others. A document whose id
    /// is not <paramref name="alreadyIndexed"/> is added without the cost of a delete-by-id; a repeated id (remembered by
    /// a 64-bit hash, a few bytes per document) is written as an update so the last one wins, as with upserts.</summary>
    private static async Task<long> AddAllAsync(
        IndexWriter writer, IAsyncEnumerable<SearchDocument> documents, Func<string, bool> alreadyIndexed, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // One queue per worker, chosen by the id: the occurrences of a repeated id are then written in stream order by
        // one thread, so the update of a later occurrence always follows (and deletes) the earlier one. With a shared
        // queue, another thread could apply the update first and both copies would stay.
        var queues = Enumerable.Range(0, IndexingThreads)
            .Select(_ => Channel.CreateBounded<(SearchDocument Document, bool Seen)>(new BoundedChannelOptions(2048) { SingleWriter = true, SingleReader = true }))
            .ToArray();
        var workers = queues.Select(queue => Task.Run(async () =>
        {
            try
            {
                await foreach (var (document, seen) in queue.Reader.ReadAllAsync(failed.Token))
                {
                    var doc = IndexFields.ToLucene(document);
                    if (seen)
                    {
                        writer.UpdateDocument(new Term(IndexFields.Id, document.Id), doc);
                    }
                    else
                    {
                        writer.AddDocument(doc);
                    }
                }
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToList();

        long count = 0;
        var ids = new HashSet<ulong>();
        Exception? readError = null;
        try
        {
            await foreach (var document in documents.WithCancellation(failed.Token))
            {
                var hash = Fnv1a64(document.Id);
                var seen = !ids.Add(hash) || alreadyIndexed(document.Id);
                await queues[(int)(hash % (ulong)queues.Length)].Writer.WriteAsync((document, seen), failed.Token);
                if (++count % ProgressEvery == 0)
                {
                    progress?.Report(count);
                }
            }
        }
        catch (Exception e)
        {
            readError = e;
            await failed.CancelAsync();
        }
        finally
        {
            foreach (var queue in queues)
            {
                queue.Writer.TryComplete();
            }
        }

        // A cancellation that neither the caller nor the source asked for means a worker failed: its error is the one to report.
        var workerFailed = readError is OperationCanceledException && !cancellationToken.IsCancellationRequested;
        try
        {
            await Task.WhenAll(workers);
        }
        catch when (readError is not null && !workerFailed)
        {
            // The workers stopped because reading failed; that error is reported below.
        }

        if (readError is not null)
        {
            ExceptionDispatchInfo.Capture(readError).Throw();
        }

        return count;
    }

    private static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var lease = Acquire();
        return Task.FromResult((long)lease.Searcher.IndexReader.NumDocs);
    }

    public Task<EngineHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        if (_disposed)
        {
            return Task.FromResult(EngineHealth.Unavailable);
        }

        try
        {
            using var lease = _searchers.Acquire();
            return Task.FromResult(EngineHealth.Healthy);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SearchUnavailableException)
        {
            _logger.LogError(e, "The search index at {Path} cannot be opened.", _folder.Root);
            return Task.FromResult(EngineHealth.Unavailable);
        }
    }

    private SearcherCache.Lease Acquire()
    {
        try
        {
            return _searchers.Acquire();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SearchUnavailableException("搜索索引暂时无法打开，请稍后再试。", e);
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

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _searchers.Dispose();
        _analysis.Dispose();
        _writeGate.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
