using System.Net;
using System.Text.RegularExpressions;
using CreditSite.CreditRepair;
using CreditSite.Web.Features.CreditRepair;
using CreditSite.Web.Features.LocalIdentityProvider;

namespace CreditSite.Web.Tests.CreditRepair;

/// <summary>Attachments through the real site on Kestrel, the real identity provider and a real clamd: a PDF accepted with
/// a repair and downloaded by the applicant and the deciding department with the right headers, everyone else 404;
/// each refusal (EICAR, renamed executable, 11 MB, a sixth file, a body over the limit, a form without its token) with
/// its Chinese message and nothing stored; files with an objection and with 补正 material; the second department.</summary>
public sealed partial class AttachmentUploadTests(AttachmentSite site) : IClassFixture<AttachmentSite>
{
    private const string RefusedRepair = "/my-records/penalty/UP-REFUSE/repair";
    private const string Typed = "已缴清罚款并完成整改。";

    private static readonly (string, string)[] RepairFields = [("Rectification", Typed), ("ContactPhone", "13912345678"), ("CommitmentAccepted", "true")];

    [Fact]
    public async Task APdfWithARepairIsDownloadedByTheApplicantAndTheDecidingDepartmentAndNobodyElse()
    {
        const string Form = "/my-records/penalty/UP-ACCEPT/repair";
        var applicant = await site.SignInAsync(DemoIdentities.Representative);
        var (_, page) = await site.GetPageAsync(applicant, Form);
        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Contains("accept=\".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png\"", page, StringComparison.Ordinal);
        Assert.Contains("每个不超过 10 MB", page, StringComparison.Ordinal);

        var (submitted, html) = await site.PostAsync(applicant, Form, await site.FormAsync(applicant, Form, RepairFields, ("缴款凭证.pdf", AttachmentSamples.Pdf)));
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, html);
        var number = NumberPattern().Match(html).Groups[1].Value;
        var (_, mine) = await site.GetPageAsync(applicant, $"/requests/{number}");
        var link = LinkTo(mine, "缴款凭证.pdf");
        Assert.Equal($"/requests/{number}/attachments/", link[..link.LastIndexOf('/')] + "/");
        await AssertDownloadAsync(await applicant.GetAsync(new Uri(link, UriKind.Relative)), "缴款凭证.pdf", "application/pdf", AttachmentSamples.Pdf);

        var market = await site.SignInAsync(DemoIdentities.DepartmentStaff);
        var deskLink = LinkTo((await site.GetPageAsync(market, $"/desk/{number}")).Html, "缴款凭证.pdf");
        await AssertDownloadAsync(await market.GetAsync(new Uri(deskLink, UriKind.Relative)), "缴款凭证.pdf", "application/pdf", AttachmentSamples.Pdf);

        var office = await site.SignInAsync(DemoIdentities.Staff);
        var (_, officeView) = await site.GetPageAsync(office, $"/desk/{number}");
        Assert.Contains("缴款凭证.pdf", officeView, StringComparison.Ordinal);
        Assert.DoesNotContain("/attachments/", officeView, StringComparison.Ordinal);
        var housing = await site.SignInAsync(DemoIdentities.HousingDepartmentStaff);
        var person = await site.SignInAsync(DemoIdentities.CleanPerson);
        var unknown = link[..link.LastIndexOf('/')] + "/999999";
        foreach (var (who, url) in new[] { (office, deskLink), (housing, deskLink), (person, link), (person, deskLink), (applicant, deskLink), (market, link), (applicant, unknown) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await who.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task FiveFilesOfNineMegabytesGoInOneRequestAboveKestrelsDefaultBodyLimit()
    {
        const string Form = "/my-records/penalty/UP-FIVE/repair";
        var applicant = await site.SignInAsync(DemoIdentities.Representative);
        var before = await site.StoredAsync();
        var nineMegabytes = AttachmentSamples.PdfOfMegabytes(9);
        var form = await site.FormAsync(applicant, Form, RepairFields, [.. Enumerable.Range(1, 5).Select(i => ($"扫描件{i}.pdf", nineMegabytes))]);
        Assert.True((await form.ReadAsByteArrayAsync()).Length > 30_000_000, "Kestrel's default limit would refuse this body.");

        var (response, html) = await site.PostAsync(applicant, Form, form);

        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("申请已提交", html, StringComparison.Ordinal);
        Assert.Equal((before.Requests + 1, before.Attachments + 5, before.Files + 5), await site.StoredAsync());
    }

    [Fact]
    public async Task AFileCarryingTheEicarStringUnderAPdfNameIsRefusedAndNothingIsStored() =>
        await AssertRefusedAsync(AttachmentRules.Infected("eicar.pdf"), ("eicar.pdf", AttachmentSamples.InfectedPdf));

    [Fact]
    public async Task AnExecutableRenamedToPdfIsRefusedAndNothingIsStored() =>
        await AssertRefusedAsync(AttachmentRules.WrongType("x.pdf"), ("x.pdf", AttachmentSamples.Executable));

    [Fact]
    public async Task ASixthFileIsRefusedAndNothingIsStored() =>
        await AssertRefusedAsync(AttachmentRules.TooMany, [.. Enumerable.Range(1, 6).Select(i => ($"证明{i}.pdf", AttachmentSamples.Pdf))]);

    [Fact]
    public async Task An11MegabyteFileIsRefusedWhileTheRestOfTheBodyIsStillHeldBack()
    {
        var (applicant, cookies) = await site.SignInWithCookiesAsync(DemoIdentities.Representative);
        var before = await site.StoredAsync();
        var form = await site.FormAsync(applicant, RefusedRepair, RepairFields, ("big.pdf", AttachmentSamples.PdfOfMegabytes(11)));

        // The fields and 10.5 MB of the file go; the last half megabyte waits until the whole answer has come.
        var (status, html, again) = await HeldBackPost.SendAsync(site.Address, RefusedRepair, cookies, form, sendFirst: (int)AttachmentRules.MaxBytes + (512 * 1024));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (status, again));
        Assert.Contains("附件“big.pdf”超过 10 MB", html, StringComparison.Ordinal);
        Assert.Contains(Typed, html, StringComparison.Ordinal);
        Assert.Contains("提交信用修复申请", html, StringComparison.Ordinal);
        Assert.Equal(before, await site.StoredAsync());
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedBeforeAnyOfItIsReadAndNothingIsStored()
    {
        var (applicant, cookies) = await site.SignInWithCookiesAsync(DemoIdentities.Representative);
        var before = await site.StoredAsync();
        var nineMegabytes = AttachmentSamples.PdfOfMegabytes(9);
        var form = await site.FormAsync(applicant, RefusedRepair, RepairFields, [.. Enumerable.Range(1, 6).Select(i => ($"扫描件{i}.pdf", nineMegabytes))]);
        Assert.True((await form.ReadAsByteArrayAsync()).Length > UploadForm.MaxBodyBytes);

        // Only the head goes: its Content-Length alone is over the limit.
        var (status, html, _) = await HeldBackPost.SendAsync(site.Address, RefusedRepair, cookies, form, sendFirst: 0);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains(UploadForm.BodyTooLarge, html, StringComparison.Ordinal);
        Assert.Contains("提交信用修复申请", html, StringComparison.Ordinal);
        Assert.Equal(before, await site.StoredAsync());
    }

    [Fact]
    public async Task AMultipartFormWithoutItsTokenFirstIsRefusedAndNothingIsStored()
    {
        var applicant = await site.SignInAsync(DemoIdentities.Representative);
        var before = await site.StoredAsync();
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in RepairFields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(AttachmentSamples.Pdf), UploadForm.FileField, "证明.pdf");

        var (response, html) = await site.PostAsync(applicant, RefusedRepair, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("申请已提交", html, StringComparison.Ordinal);
        Assert.Equal(before, await site.StoredAsync());
    }

    [Fact]
    public async Task EachDepartmentSeesAndDownloadsOnlyTheAttachmentsOfItsOwnRequests()
    {
        var applicant = await site.SignInAsync(DemoIdentities.Representative);
        const string ObjectionForm = "/my-records/penalty/UP-OBJECT/objection";
        var (_, objected) = await site.PostAsync(applicant, ObjectionForm, await site.FormAsync(applicant, ObjectionForm,
            [("Field", "facts"), ("Reason", "现场照片显示当时已停业。"), ("ContactPhone", "0519-88776655")], ("现场照片.jpg", AttachmentSamples.Jpeg)));
        var marketNumber = NumberPattern().Match(objected).Groups[1].Value;
        const string HousingForm = "/my-records/penalty/UP-HOUSING/repair";
        var (_, repaired) = await site.PostAsync(applicant, HousingForm, await site.FormAsync(applicant, HousingForm, RepairFields, ("整改报告.pdf", AttachmentSamples.Pdf)));
        var housingNumber = NumberPattern().Match(repaired).Groups[1].Value;
        Assert.All(new[] { marketNumber, housingNumber }, n => Assert.NotEmpty(n));

        var housing = await site.SignInAsync(DemoIdentities.HousingDepartmentStaff);
        var (_, queue) = await site.GetPageAsync(housing, "/desk");
        Assert.Contains(housingNumber, queue, StringComparison.Ordinal);
        Assert.DoesNotContain(marketNumber, queue, StringComparison.Ordinal);
        var housingLink = LinkTo((await site.GetPageAsync(housing, $"/desk/{housingNumber}")).Html, "整改报告.pdf");
        await AssertDownloadAsync(await housing.GetAsync(new Uri(housingLink, UriKind.Relative)), "整改报告.pdf", "application/pdf", AttachmentSamples.Pdf);

        var market = await site.SignInAsync(DemoIdentities.DepartmentStaff);
        var marketLink = LinkTo((await site.GetPageAsync(market, $"/desk/{marketNumber}")).Html, "现场照片.jpg");
        await AssertDownloadAsync(await market.GetAsync(new Uri(marketLink, UriKind.Relative)), "现场照片.jpg", "image/jpeg", AttachmentSamples.Jpeg);

        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync(housing, $"/desk/{marketNumber}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync(new Uri(marketLink, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetPageAsync(market, $"/desk/{housingNumber}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await market.GetAsync(new Uri(housingLink, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task MaterialForAReturnedRequestCarriesFilesAndAnEmptyFileInputAddsNone()
    {
        const string Form = "/my-records/penalty/UP-MATERIAL/repair";
        var applicant = await site.SignInAsync(DemoIdentities.Representative);
        var before = await site.StoredAsync();
        var (_, submitted) = await site.PostAsync(applicant, Form, await site.FormAsync(applicant, Form, RepairFields));
        var number = NumberPattern().Match(submitted).Groups[1].Value;
        Assert.NotEmpty(number);
        Assert.Equal((before.Requests + 1, before.Attachments, before.Files), await site.StoredAsync());

        var market = await site.SignInAsync(DemoIdentities.DepartmentStaff);
        await site.PostFormAsync(market, $"/desk/{number}", "Return", ("Version", "1"), ("Reason", "请补充罚款缴纳凭证。"));
        var page = $"/requests/{number}";
        var (sent, html) = await site.PostAsync(applicant, page, await site.FormAsync(applicant, page, [("Material", "缴款凭证见附件。")], ("缴款凭证.png", AttachmentSamples.Png)));

        Assert.True(sent.StatusCode == HttpStatusCode.OK && sent.RequestMessage!.RequestUri!.AbsolutePath == page, html);
        Assert.Contains("补正材料已提交", html, StringComparison.Ordinal);
        var link = LinkTo(html, "缴款凭证.png");
        await AssertDownloadAsync(await applicant.GetAsync(new Uri(link, UriKind.Relative)), "缴款凭证.png", "image/png", AttachmentSamples.Png);
        LinkTo((await site.GetPageAsync(market, $"/desk/{number}")).Html, "缴款凭证.png");
    }

    private async Task AssertRefusedAsync(string message, params (string Name, byte[] Content)[] files)
    {
        var applicant = await site.SignInAsync(DemoIdentities.Representative);
        var before = await site.StoredAsync();

        var (response, html) = await site.PostAsync(applicant, RefusedRepair, await site.FormAsync(applicant, RefusedRepair, RepairFields, files));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains(Typed, html, StringComparison.Ordinal);
        Assert.Contains("提交信用修复申请", html, StringComparison.Ordinal);
        Assert.Equal(before, await site.StoredAsync());
    }

    private static async Task AssertDownloadAsync(HttpResponseMessage response, string name, string contentType, byte[] content)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        var disposition = Assert.Single(response.Content.Headers.GetValues("Content-Disposition"));
        Assert.StartsWith("attachment;", disposition, StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString(name), disposition, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The link of the attachment named <paramref name="name"/> on a request page.</summary>
    private static string LinkTo(string html, string name)
    {
        var match = Regex.Match(html, "<a href=\"(/(?:requests|desk)/[A-Z0-9]+/attachments/[0-9]+)\">" + Regex.Escape(name) + "</a>");
        Assert.True(match.Success, $"No link to {name} on the page.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<code id=\"request-number\">([A-Z0-9]+)</code>")]
    private static partial Regex NumberPattern();
}
