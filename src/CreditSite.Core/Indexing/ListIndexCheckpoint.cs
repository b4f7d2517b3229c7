using System.Globalization;

namespace CreditSite.Indexing;

/// <summary>How far the search index has taken in the store's changes: the last change sequence (import batch id)
/// whose entries are in the index. Kept in the data folder beside the index (<c>list-index.{engine}.checkpoint</c>),
/// guarded by a lock file that the web site and the CLI both take, so only one of them applies changes at a time.</summary>
public sealed class ListIndexCheckpoint
{
    public ListIndexCheckpoint(string dataPath, string engineName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(engineName);
        var name = engineName.Trim().ToLowerInvariant();
        FilePath = Path.Combine(dataPath, $"list-index.{name}.checkpoint");
        LockPath = Path.Combine(dataPath, $"list-index.{name}.lock");
    }

    public string FilePath { get; }

    public string LockPath { get; }

    /// <summary>0 when nothing has been indexed yet (or the file is missing or unreadable: a full catch-up is safe).</summary>
    public long Read()
    {
        try
        {
            var text = File.Exists(FilePath) ? File.ReadAllText(FilePath).Trim() : string.Empty;
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Written to a temporary file and renamed over the old one, so a reader never sees half a number.</summary>
    public void Write(long seq)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temporary = FilePath + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllText(temporary, seq.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, FilePath, overwrite: true);
    }

    /// <summary>Takes the cross-process lock, waiting up to <paramref name="wait"/>; null when another process (or
    /// another caller here) still holds it. An exclusive <see cref="FileStream"/> is an <c>flock</c> on Unix and a
    /// share-mode lock on Windows; the OS drops it when the holder dies.</summary>
    public async Task<IDisposable?> AcquireAsync(TimeSpan wait, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
