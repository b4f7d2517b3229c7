using CreditSite.CreditRepair;

namespace CreditSite.Core.Tests.CreditRepair;

/// <summary>Attachments are recognised by content, limited in size before the whole body is read, and scanned by a
/// real clamd through its socket.</summary>
public sealed class AttachmentScanningTests(ClamdServer clamd) : IClassFixture<ClamdServer>
{
    private static readonly byte[] Pdf = AttachmentSamples.Pdf;

    [Fact]
    public async Task TheEicarTestFileIsFound()
    {
        var verdict = await clamd.Scanner.ScanAsync(ClamdServer.Eicar);

        Assert.False(verdict.Clean);
        Assert.Contains("Eicar", verdict.Signature, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACleanPdfPasses() => Assert.True((await clamd.Scanner.ScanAsync(Pdf)).Clean);

    [Fact]
    public async Task AnUnreachableClamdIsNeverClean()
    {
        var verdict = await new ClamAvScanner(new ClamAvOptions { SocketPath = clamd.SocketPath + ".missing" }).ScanAsync(Pdf);

        Assert.False(verdict.Clean);
        Assert.NotNull(verdict.Error);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, AttachmentType.Pdf)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, AttachmentType.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, AttachmentType.Png)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, null)]
    [InlineData(new byte[0], null)]
    public void FilesAreRecognisedByTheirFirstBytes(byte[] head, AttachmentType? expected) =>
        Assert.Equal(expected, AttachmentRules.Recognise(head));

    [Fact]
    public async Task ARenamedExecutableIsRefused()
    {
        var exe = new byte[1024];
        exe[0] = 0x4D;
        exe[1] = 0x5A;

        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => AttachmentRules.ReadAsync(new MemoryStream(exe), "证明.pdf"));

        Assert.Equal("附件“证明.pdf”格式不符：只接受 PDF、JPEG 或 PNG 文件（按文件内容识别，改扩展名无效）。", refusal.Message);
    }

    [Fact]
    public async Task An11MegabyteFileIsRefusedBeforeItsEndIsRead()
    {
        var upload = new CountingStream(11 * 1024 * 1024);

        var refusal = await Assert.ThrowsAsync<RequestRefusalException>(() => AttachmentRules.ReadAsync(upload, "big.pdf"));

        Assert.Equal(AttachmentRules.TooLarge("big.pdf"), refusal.Message);
        Assert.True(upload.Consumed < upload.Length, $"read {upload.Consumed} of {upload.Length} bytes");
    }

    [Fact]
    public async Task AFileOfExactlyTenMegabytesIsAccepted()
    {
        var content = new byte[AttachmentRules.MaxBytes];
        Pdf.CopyTo(content, 0);

        var (read, type) = await AttachmentRules.ReadAsync(new MemoryStream(content), "ten.pdf");

        Assert.Equal((AttachmentRules.MaxBytes, AttachmentType.Pdf), (read.LongLength, type));
    }

    [Theory]
    [InlineData("../../缴款凭证.pdf", "缴款凭证.pdf")]
    [InlineData("C:\\Users\\王强\\证明.png", "证明.png")]
    [InlineData("a\"b;\u0007c.pdf", "abc.pdf")]
    [InlineData("  ", "未命名文件")]
    [InlineData(null, "未命名文件")]
    public void DisplayNamesKeepOnlyTheFileNameItself(string? uploaded, string expected) =>
        Assert.Equal(expected, AttachmentRules.DisplayName(uploaded));

    /// <summary>A PDF-looking body of a given length that counts what was read of it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long Consumed { get; private set; }

        public override long Length => length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Position { get => Consumed; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Consumed);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = Consumed + i < Pdf.Length ? Pdf[Consumed + i] : (byte)' ';
            }

            Consumed += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
