using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Records;

namespace CreditSite.Web.Tests.Browser;

/// <summary>The documented example entries and <see cref="RecordSamples"/> (licences, penalties, commitments, registry
/// records) on a real Kestrel socket, for the browser.</summary>
public sealed class KestrelRecordsSiteFactory : ExampleEntriesSiteFactory
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _written;

    public KestrelRecordsSiteFactory()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = TestServers.BaseAddressOf(Services);
    }

    public Uri BaseAddress { get; }

    /// <summary>The list entries first (the demonstration seeding loads only into an empty store), then the records.</summary>
    public async Task SeedWithRecordsAsync()
    {
        await SeedAsync();
        await _gate.WaitAsync();
        try
        {
            if (!_written)
            {
                await RecordSamples.WriteAsync(Services);
                _written = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
