using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace CreditSite.CreditRepair;

/// <summary>Where clamd listens (<c>CreditRepair:ClamAv</c>): a Unix socket (Debian's clamav-daemon:
/// <c>/var/run/clamav/clamd.ctl</c>) or host and port.</summary>
public sealed class ClamAvOptions
{
    public string? SocketPath { get; set; } = "/var/run/clamav/clamd.ctl";

    public string? Host { get; set; }

    public int Port { get; set; } = 3310;
}

/// <summary>What clamd said about one file: clean, a signature's name, or that it could not scan it.</summary>
public sealed record ScanVerdict(bool Clean, string? Signature, string? Error);

/// <summary>Scans bytes with clamd through its socket (the INSTREAM command: length-prefixed chunks, a zero length to
/// end; clamd answers <c>stream: OK</c>, <c>stream: NAME FOUND</c> or <c>… ERROR</c>).</summary>
public sealed class ClamAvScanner(ClamAvOptions options)
{
    private const int ChunkSize = 64 * 1024;

    public async Task<ScanVerdict> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        try
        {
            using var socket = await ConnectAsync(cancellationToken);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), cancellationToken);
            var length = new byte[4];
            for (var offset = 0; offset < content.Length; offset += ChunkSize)
            {
                var chunk = content.Slice(offset, Math.Min(ChunkSize, content.Length - offset));
                BinaryPrimitives.WriteUInt32BigEndian(length, (uint)chunk.Length);
                await stream.WriteAsync(length, cancellationToken);
                await stream.WriteAsync(chunk, cancellationToken);
            }

            BinaryPrimitives.WriteUInt32BigEndian(length, 0);
            await stream.WriteAsync(length, cancellationToken);
            var reply = await ReadReplyAsync(stream, cancellationToken);
            return Verdict(reply);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return new ScanVerdict(false, null, ex.Message);
        }
    }

    /// <summary>PING → PONG: clamd is up and answering.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var socket = await ConnectAsync(cancellationToken);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await stream.WriteAsync("zPING\0"u8.ToArray(), cancellationToken);
            return await ReadReplyAsync(stream, cancellationToken) == "PONG";
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    internal static ScanVerdict Verdict(string reply)
    {
        if (reply.EndsWith("OK", StringComparison.Ordinal))
        {
            return new ScanVerdict(true, null, null);
        }

        if (reply.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            var name = reply["stream: ".Length..^" FOUND".Length];
            return new ScanVerdict(false, name, null);
        }

        return new ScanVerdict(false, null, reply);
    }

    private async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Host))
        {
            var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await tcp.ConnectAsync(options.Host, options.Port, cancellationToken);
            return tcp;
        }

        var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await unix.ConnectAsync(new UnixDomainSocketEndPoint(options.SocketPath ?? string.Empty), cancellationToken);
        return unix;
    }

    private static async Task<string> ReadReplyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reply = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1 && one[0] != 0)
        {
            reply.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. reply]).Trim();
    }
}
