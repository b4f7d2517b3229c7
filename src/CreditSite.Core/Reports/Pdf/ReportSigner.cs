using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;

namespace CreditSite.Reports.Pdf;

/// <summary>Signs report PDFs with the issuing body's certificate: a detached CMS (PKCS#7) signature over the file's byte
/// range (adbe.pkcs7.detached, SHA-256), which PDF readers and poppler's <c>pdfsig</c> validate. The certificate itself
/// is embedded, so a reader can see who signed.</summary>
public sealed class ReportSigner : IDigitalSigner
{
    private readonly X509Certificate2 _certificate;
    private int _size;

    public ReportSigner(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("The report certificate has no private key.", nameof(certificate));
        }

        _certificate = certificate;
    }

    public X509Certificate2 Certificate => _certificate;

    public string CertificateName => _certificate.GetNameInfo(X509NameType.SimpleName, false) ?? "信用常州";

    /// <summary>Attaches this signer to a document before it is saved; PDFsharp signs while saving.</summary>
    public void Attach(PdfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        DigitalSignatureHandler.ForDocument(document, this, new DigitalSignatureOptions
        {
            Reason = "信用报告出具单位签章",
            Location = "常州",
            ContactInfo = IssuedReport.IssuingBody,
        });
    }

    public async Task<int> GetSignatureSizeAsync()
    {
        // The size depends on the certificate and the key only: measured once by signing one byte. A little slack for
        // the DER length of a signature value that starts with a high bit (ECDSA, or RSA after a leading zero).
        if (_size == 0)
        {
            _size = (await GetSignatureAsync(new MemoryStream([0])).ConfigureAwait(false)).Length + 16;
        }

        return _size;
    }

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var content = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(content);
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, _certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime());
        cms.ComputeSignature(signer, silent: true);
        return Task.FromResult(cms.Encode());
    }
}

/// <summary>The issuing body's certificate: a PKCS#12 file in production, or a self-signed development certificate made
/// on first start and kept in the data folder (its subject says 开发用, so no one mistakes it for the real one).</summary>
public static class ReportCertificate
{
    public const string DevelopmentSubject = "CN=信用常州报告签章（开发用 development only）, O=信用常州, C=CN";
    public const string DevelopmentFileName = "report-signing-development.pfx";

    /// <exception cref="CryptographicException">The file is not PKCS#12, or the password is wrong.</exception>
    public static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CryptographicException($"{path} holds no private key.");
        }

        return certificate;
    }

    /// <summary>Loads the development certificate from <paramref name="folder"/>, creating it on first use.</summary>
    public static X509Certificate2 LoadOrCreateDevelopment(string folder, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var path = Path.Combine(folder, DevelopmentFileName);
        if (File.Exists(path))
        {
            return Load(path, null);
        }

        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(DevelopmentSubject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        var now = time.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, created.Export(X509ContentType.Pkcs12));
        File.Move(temporary, path, overwrite: true);
        return Load(path, null);
    }
}
