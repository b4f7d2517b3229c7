using System.Text;
using System.Text.RegularExpressions;
using CreditSite.Domain;
using CreditSite.Identifiers;
using CreditSite.Web.Tests.Infrastructure;
using CreditSite.Web.Tests.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CreditSite.Web.Tests.Privacy;

/// <summary>The documented example entries plus public records of persons written with their full ID numbers the way
/// the import keeps them (keyed hash and masked form): a penalty and a commitment of the example persons, and the
/// records of <see cref="RecordSamples"/> with 李明's penalty.</summary>
public sealed class PersonRecordsSite : ExampleEntriesSiteFactory
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _written;

    public const string PersonPenalty = "CZ-CF-2025-0777";
    public const string PersonCommitment = "CZ-CN-2025-0777";

    public async Task SeedWithRecordsAsync()
    {
        await SeedAsync();
        await _gate.WaitAsync();
        try
        {
            if (_written)
            {
                return;
            }

            await RecordSamples.WriteAsync(Services);
            var hasher = Services.GetRequiredService<ResidentIdHasher>();
            var (hash, masked, key) = RecordSamples.PersonKeys(hasher, "320402198001010012");
            var penalty = RecordSamples.Penalty(PersonPenalty, "王伟", "91320411MA7HD2C16P", new DateOnly(2025, 4, 9), Severity.General, "常公（天）行罚决字〔2025〕77号", "罚款");
            penalty.SubjectType = SubjectType.NaturalPerson;
            (penalty.Uscc, penalty.ResidentIdHash, penalty.MaskedIdNumber, penalty.SubjectKey) = (null, hash, masked, key);
            penalty.Facts = "在公共场所滋事。";
            await RecordSamples.WriteAsync(Services, RecordKind.Penalty, [penalty]);

            (hash, masked, key) = RecordSamples.PersonKeys(hasher, "32048119750615002X");
            var commitment = RecordSamples.Record(RecordKind.Commitment, PersonCommitment, "陈秀英", "91320411MA7HD2C16P", new DateOnly(2025, 3, 1), "溧阳市人力资源和社会保障局");
            commitment.SubjectType = SubjectType.NaturalPerson;
            (commitment.Uscc, commitment.ResidentIdHash, commitment.MaskedIdNumber, commitment.SubjectKey) = (null, hash, masked, key);
            commitment.Category = "证明事项告知承诺";
            commitment.Content = "承诺所报学历证明真实。";
            commitment.PublicUntil = new DateOnly(2028, 3, 1);
            await RecordSamples.WriteAsync(Services, RecordKind.Commitment, [commitment]);
            _written = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Persons imported with their ID numbers — on the lists, fined (行政处罚) or pledging (信用承诺): no full
/// number in any public page, API answer, feed, index file or database file; the masked form shows where the person
/// is shown.</summary>
public sealed partial class ResidentIdPrivacyTests(PersonRecordsSite site) : IClassFixture<PersonRecordsSite>
{
    // Both persons of docs/examples/list-entries.csv (also fined and pledging here), and the person of RecordSamples.
    private static readonly string[] FullNumbers = ["320402198001010012", "32048119750615002X", RecordSamples.PersonIdNumber];

    [Fact]
    public async Task NoFullIdNumberInPagesOrApiAnswersAndTheMaskedFormShows()
    {
        await site.SeedWithRecordsAsync();
        var client = site.CreateClient();
        var pages = new List<string>
        {
            "/search?q=王伟", "/search?q=320402198001010012", "/search?q=32048119750615002x", "/lists/black", "/lists/red",
            "/api/v1/search?q=王伟", "/api/v1/search?q=320402198001010012", "/api/v1/search?q=陈秀英", "/api/v1/search?kind=black",
            "/search?q=320402198001010013",
            "/records", "/records/penalty", "/records/commitment", "/records/penalty?subject_type=natural_person",
            "/search?q=李明", "/search?q=" + RecordSamples.PersonIdNumber, "/search?q=王伟&type=penalty", "/search?q=陈秀英&type=commitment",
            "/api/v1/search?q=" + RecordSamples.PersonIdNumber, "/api/v1/search?type=penalty", "/api/v1/search?type=commitment&q=陈秀英",
            "/feeds/black-list.atom",
        };

        var answers = new StringBuilder();
        foreach (var page in pages)
        {
            answers.AppendLine(await client.GetStringAsync(new Uri(page, UriKind.Relative)));
        }

        // Follow every subject and record link found, persons' pages included, and every feed a page offers.
        foreach (var link in SubjectOrRecordLink().Matches(answers.ToString()).Select(m => m.Value)
            .Concat(FeedLink().Matches(answers.ToString()).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))).Distinct().ToList())
        {
            answers.AppendLine(await client.GetStringAsync(new Uri(link, UriKind.Relative)));
        }

        var all = answers.ToString();
        foreach (var number in FullNumbers)
        {
            Assert.DoesNotContain(number, all, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("320402********0012", all, StringComparison.Ordinal);
        Assert.Contains("王伟", all, StringComparison.Ordinal);
        // The records of persons were reached and shown, masked.
        Assert.Contains($"/records/penalty/{PersonRecordsSite.PersonPenalty}", all, StringComparison.Ordinal);
        Assert.Contains("在公共场所滋事。", all, StringComparison.Ordinal);
        Assert.Contains($"/records/commitment/{PersonRecordsSite.PersonCommitment}", all, StringComparison.Ordinal);
        Assert.Contains("承诺所报学历证明真实。", all, StringComparison.Ordinal);
        Assert.Contains(RecordSamples.PersonMasked, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdNumberQueryFindsThePersonThroughTheKeyedHash()
    {
        await site.SeedWithRecordsAsync();

        var html = await site.CreateClient().GetStringAsync(new Uri("/search?q=320402198001010012", UriKind.Relative));

        Assert.Contains("王伟", html, StringComparison.Ordinal);
        Assert.DoesNotContain("陈秀英", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoFullIdNumberInTheIndexOrTheDatabaseFiles()
    {
        await site.SeedWithRecordsAsync();
        var files = Directory.EnumerateFiles(site.DataPath, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains($"{Path.DirectorySeparatorChar}index{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        foreach (var file in files)
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var memory = new MemoryStream())
            {
                await stream.CopyToAsync(memory);
                bytes = memory.ToArray();
            }

            foreach (var number in FullNumbers)
            {
                foreach (var encoded in new[] { Encoding.ASCII.GetBytes(number), Encoding.Unicode.GetBytes(number), Encoding.ASCII.GetBytes(number.ToLowerInvariant()) })
                {
                    Assert.True(bytes.AsSpan().IndexOf(encoded) < 0, $"{Path.GetFileName(file)} holds a full ID number.");
                }
            }
        }
    }

    [GeneratedRegex("/subjects/[0-9A-Za-z]+|/records/(?:licence|penalty|commitment)/[0-9A-Za-z-]+")]
    private static partial Regex SubjectOrRecordLink();

    [GeneratedRegex("href=\"(/feeds/[^\"?#]+(?:\\?[^\"#]*)?)\"")]
    private static partial Regex FeedLink();
}
