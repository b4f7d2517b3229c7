using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreditSite.Search.Embedded;

/// <summary>The embedded search engine: a Lucene.NET index on disk under <c>{dataPath}/index/</c>, shared by the
/// web site and the CLI. See docs/search.md for the layout, the analysis and how writes from two processes meet.</summary>
public sealed partial class EmbeddedSearchEngine : ISearchEngine, IDisposable, IAsyncDisposable
{

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

        var results = Search(lease.Snapshot, request, page, pageSize);
        cache?.Add(cacheKey, results);
        return Task.FromResult(results);
    }

    private SearchResults Search(SearcherCache.Snapshot snapshot, SearchRequest request, int page, int pageSize)
    {
        var searcher = snapshot.Searcher;
        var query = EmbeddedQuery.Build(request, _analysis, _filters, searcher.IndexReader);
        if (request.GroupBySubject)
        {
            return SearchBySubject(snapshot, request, query, page, pageSize);
        }

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
