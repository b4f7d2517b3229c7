using CreditSite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.Policies;

/// <summary>任务分工 by department: which tasks a department leads (牵头/责任) and where it co-operates (配合).</summary>
public sealed class TasksModel(ContentLibrary library) : PageModel
{
    /// <summary>Longer than any department name in the source document by a wide margin.</summary>
    public const int MaxDepartmentLength = 50;

    public IReadOnlyList<string> Departments => library.TaskDepartments;

    public string? Department { get; private set; }

    public DepartmentTasks? Result { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Counts for the department list shown before a choice is made.</summary>
    public (int Leads, int CoOperations) CountsFor(string department)
    {
        var tasks = library.TasksOf(department);
        return (tasks.Leads.Count, tasks.CoOperations.Count);
    }

    public IActionResult OnGet([FromQuery] string? department)
    {
        var name = department?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return Page();
        }

        if (name.Length > MaxDepartmentLength || name.Any(char.IsControl))
        {
            Error = $"部门名称应为不超过 {MaxDepartmentLength} 个字的单位名称，请从列表中选择。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // A variant spelling (常州市税务局 / 市税务局) shows the department under its canonical name.
        Result = library.TasksOf(name);
        Department = Result.Department;
        return Page();
    }
}
