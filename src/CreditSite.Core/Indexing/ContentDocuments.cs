using System.Text;
using CreditSite.Content;
using CreditSite.Search;

namespace CreditSite.Indexing;

/// <summary>The projection of published content (policies, role models, announcements) into search documents. It lives
/// with search, so that content knows nothing of search and the folders do not depend on each other in a circle.</summary>
public static class ContentDocuments
{
    /// <summary>The published pages as search documents (policies, role models, announcements), with plain-text bodies.</summary>
    public static IEnumerable<SearchDocument> ToSearchDocuments(this ContentLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        foreach (var policy in library.Policies)
        {
            var body = new StringBuilder();
            AppendLine(body, policy.Summary);
            AppendLine(body, policy.Issuer);
            AppendLine(body, policy.DocumentNumber);
            foreach (var related in policy.RelatedDocuments)
            {
                AppendLine(body, $"{related.Title} {related.Number}");
            }

            AppendLine(body, policy.BodyText);
            foreach (var task in policy.Tasks)
            {
                AppendLine(body, $"{task.Section} {task.Number}、{task.Title} 牵头单位：{string.Join('、', task.LeadDepartments)} 配合单位：{string.Join('、', task.CooperatingDepartments)}");
            }

            yield return new SearchDocument
            {
                Id = "policy:" + policy.Slug,
                Type = DocumentType.Policy,
                Title = policy.Title,
                Body = body.ToString().TrimEnd(),
                Url = policy.Url,
                Date = policy.Date,
                IssuingDepartment = policy.Issuer,
                DecisionNumber = policy.DocumentNumber,
            };
        }

        foreach (var model in library.RoleModels)
        {
            var body = new StringBuilder();
            AppendLine(body, model.SubjectName);
            AppendLine(body, model.Summary);
            AppendLine(body, $"{model.Category} {model.AwardedBy}");
            AppendLine(body, model.BodyText);
            yield return new SearchDocument
            {
                Id = "role-model:" + model.Slug,
                Type = DocumentType.RoleModel,
                Title = model.Title,
                Body = body.ToString().TrimEnd(),
                Url = model.Url,
                Date = model.Date,
                Category = model.Category,
                IssuingDepartment = model.AwardedBy,
                // Honours belong on the subject's page and report, found by the subject's USCC.
                SubjectName = model.SubjectName,
                SubjectType = model.SubjectType,
                Uscc = model.Uscc?.Value,
                SubjectKey = model.Uscc?.Value,
            };
        }

        foreach (var announcement in library.Announcements)
        {
            var body = new StringBuilder();
            AppendLine(body, announcement.Summary);
            AppendLine(body, announcement.Issuer);
            AppendLine(body, announcement.BodyText);
            yield return new SearchDocument
            {
                Id = "announcement:" + announcement.Slug,
                Type = DocumentType.Announcement,
                Title = announcement.Title,
                Body = body.ToString().TrimEnd(),
                Url = announcement.Url,
                Date = announcement.Date,
                IssuingDepartment = announcement.Issuer,
            };
        }
    }


    private static void AppendLine(StringBuilder builder, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            builder.Append(text.Trim()).Append('\n');
        }
    }
}
