using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CreditSite.Web.Tests.CreditRepair;

/// <summary>A form POST written by hand on a socket, as a browser sends it, but with the end of its body held back until
/// the whole answer has come: a site that reads the whole body before answering never answers, one that refuses early
/// does. (HttpClient cannot show this: over HTTP/1.1 it finishes sending its body before it hands over an answer.)</summary>
public static class HeldBackPost
{
    /// <summary>Sends the head and the first <paramref name="sendFirst"/> bytes of <paramref name="form"/>, reads the
    /// answer, then sends the rest and, when the site kept the connection open, asks for the home page on it: its status
    /// is <c>Again</c> (null when the site closed the connection, as after 413). Patience is a fail-safe against a site
    /// that waits, not a bound on how fast it answers.</summary>
    public static async Task<(HttpStatusCode Status, string Html, HttpStatusCode? Again)> SendAsync(
        Uri site, string path, CookieContainer cookies, HttpContent form, int sendFirst)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(cookies);
        ArgumentNullException.ThrowIfNull(form);
        var body = await form.ReadAsByteArrayAsync();
        Assert.True(sendFirst < body.Length, "Nothing would be held back.");
        using var patience = new CancellationTokenSource(Eventually.Patience);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(site.Host, site.Port, patience.Token);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {site.Authority}\r\nCookie: {cookies.GetCookieHeader(site)}\r\n"
            + $"Content-Type: {form.Headers.ContentType}\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), patience.Token);
        await stream.WriteAsync(body.AsMemory(0, sendFirst), patience.Token);

        var reader = new AnswerReader(stream);
        (HttpStatusCode Status, string Html, bool KeptOpen) answer;
        try
        {
            answer = await ReadAnswerAsync(reader, patience.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No answer while {body.Length - sendFirst} bytes of the body were held back (gave up after {Eventually.Patience.TotalSeconds} s).");
            throw;
        }

        if (!answer.KeptOpen)
        {
            // The site does not want the rest (413); sending it would only meet a closed connection.
            return (answer.Status, answer.Html, null);
        }

        // The rest, then a second request on the same connection: answered only if the site read and dropped the rest
        // of the refused body instead of resetting the connection (what a browser would show instead of the page).
        await stream.WriteAsync(body.AsMemory(sendFirst), patience.Token);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {site.Authority}\r\n\r\n"), patience.Token);
        return (answer.Status, answer.Html, (await ReadAnswerAsync(reader, patience.Token)).Status);
    }

    private static async Task<(HttpStatusCode Status, string Html, bool KeptOpen)> ReadAnswerAsync(AnswerReader reader, CancellationToken cancellationToken)
    {
        var status = (HttpStatusCode)int.Parse((await reader.LineAsync(cancellationToken)).Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await reader.LineAsync(cancellationToken); line.Length > 0; line = await reader.LineAsync(cancellationToken))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        var content = new MemoryStream();
        if (headers.TryGetValue("Content-Length", out var length))
        {
            await reader.CopyAsync(content, int.Parse(length, CultureInfo.InvariantCulture), cancellationToken);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            for (var size = await ChunkSizeAsync(reader, cancellationToken); size > 0; size = await ChunkSizeAsync(reader, cancellationToken))
            {
                await reader.CopyAsync(content, size, cancellationToken);
                await reader.LineAsync(cancellationToken);
            }

            await reader.LineAsync(cancellationToken);
        }

        var keptOpen = !(headers.TryGetValue("Connection", out var connection) && connection.Contains("close", StringComparison.OrdinalIgnoreCase));
        return (status, WebUtility.HtmlDecode(Encoding.UTF8.GetString(content.ToArray())), keptOpen);
    }

    private static async Task<int> ChunkSizeAsync(AnswerReader reader, CancellationToken cancellationToken) =>
        int.Parse((await reader.LineAsync(cancellationToken)).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Lines and counted bytes from the socket, through one buffer.</summary>
    private sealed class AnswerReader(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<string> LineAsync(CancellationToken cancellationToken)
        {
            var line = new List<byte>();
            while (true)
            {
                var b = await ByteAsync(cancellationToken);
                if (b == '\n')
                {
                    return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
                }

                line.Add(b);
            }
        }

        public async Task CopyAsync(Stream target, int count, CancellationToken cancellationToken)
        {
            for (var i = 0; i < count; i++)
            {
                target.WriteByte(await ByteAsync(cancellationToken));
            }
        }

        private async ValueTask<byte> ByteAsync(CancellationToken cancellationToken)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                {
                    throw new IOException("The site closed the connection in the middle of its answer.");
                }
            }

            return _buffer[_start++];
        }
    }
}
