using CreditSite.CreditRepair;
using CreditSite.Identifiers;
using CreditSite.Web.Features.DepartmentDesk;
using CreditSite.Web.Features.SignIn;
using CreditSite.Web.Site.Hosting;

namespace CreditSite.Web.Features.CreditRepair;

public static class CreditRepairFeature
{
    /// <summary>我的信用记录, credit repair and objection requests, /requests/status; the desk behind them and the
    /// department desk (Features/DepartmentDesk) share <see cref="CreditRepairDesk"/>.</summary>
    public static WebApplicationBuilder AddCreditRepair(this WebApplicationBuilder builder)
    {
        builder.Services.AddCreditRepairDesk(builder.Configuration, builder.SiteRoot());
        builder.Services.AddSingleton<RequestSubjects>();
        builder.Services.AddOverduePass();
        return builder;
    }

    /// <summary>The attachment downloads (the pages map themselves as Razor Pages).</summary>
    public static WebApplication MapCreditRepair(this WebApplication app)
    {
        app.MapAttachmentDownloads();
        return app;
    }
}

/// <summary>One subject a signed-in user may act for: themselves (by the subject key of their ID hash) or the
/// organisation they represent (by its USCC).</summary>
public sealed record ActingSubject(string Key, string Label, Applicant Applicant);

/// <summary>The subjects a signed-in user may see the records of and apply for.</summary>
public sealed class RequestSubjects(ResidentIdHasher hasher)
{
    public IReadOnlyList<ActingSubject> Of(CreditUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subjects = new List<ActingSubject>();
        if (user.IsPerson)
        {
            var key = hasher.SubjectKey(user.ResidentIdHash!);
            subjects.Add(new ActingSubject(key, $"本人：{user.Name}（{user.MaskedIdNumber}）", new Applicant(key, user.Name)));
        }

        if (user.IsRepresentative)
        {
            subjects.Add(new ActingSubject(user.Uscc!, $"本单位：{user.CompanyName}（{user.Uscc}）", new Applicant(user.Uscc!, user.Name)));
        }

        return subjects;
    }
}

/// <summary>A request with what its pages show beside it: working days left (negative when overdue), and whether the
/// count crosses a year whose holiday notice is not entered (约).</summary>
public sealed record RequestView(RepairRequest Request, int? DaysLeft, bool Overdue, bool Approximate)
{
    public static RequestView Of(RepairRequest request, CreditRepairDesk desk)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(desk);
        var approximate = request.DueOn is { } due && desk.Calendar.IsApproximate(desk.Today, due);
        return new RequestView(request, desk.WorkingDaysLeft(request), desk.IsOverdue(request), approximate);
    }
}
