using CreditSite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CreditSite.Web.Features.RoleModels;

public sealed class DetailModel(ContentLibrary library) : PageModel
{
    public RoleModel RoleModel { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (library.FindRoleModel(slug) is not { } model)
        {
            return NotFound();
        }

        RoleModel = model;
        return Page();
    }
}
